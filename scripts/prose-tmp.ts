import { analyse, wordsOf, GLUE, isVerb } from "../engine/quiz/explain/nlp.js";
import { isProse } from "../engine/quiz/explain/grade-explain.js";
for (const s of analyse(process.argv[2]!)) {
  const w = wordsOf(s);
  console.log(isProse(s), w.filter((t) => GLUE.has(t.pos)).length / w.length, w.some(isVerb), s.tokens.map((t) => `${t.text}/${t.pos}`).join(" "));
}
