/** The options of a single, multiple or true-false question, from its task list. */
import type { Tokens } from "marked";
import { ownText } from "./markdown.js";
import type { ChoiceOption, QuestionType } from "./model.js";

/** The options, or undefined after `refuse` was told what is wrong with them. */
export function choiceOptions(
  type: QuestionType,
  list: Tokens.List | undefined,
  refuse: (message: string) => undefined,
): ChoiceOption[] | undefined {
  if (!list || list.ordered || !list.items.every((item) => item.task)) {
    // marked reads `- [x]` with nothing after it as a plain item: an option whose text is missing.
    if (list?.items.some((item) => !item.task && /^\[[ xX]\]$/.test(item.text.trim())))
      return refuse("has an empty option: write its text after `- [ ]` or `- [x]`");
    return refuse("needs a task list of options (`- [x] right`, `- [ ] wrong`)");
  }
  const options: ChoiceOption[] = list.items.map((item) => {
    const quote = item.tokens.find((t) => t.type === "blockquote") as Tokens.Blockquote | undefined;
    return {
      text: ownText(item.tokens),
      correct: item.checked === true,
      ...(quote ? { feedback: quote.text.trim() } : {}),
    };
  });
  const correct = options.filter((o) => o.correct).length;
  if (options.length < 2) return refuse("needs at least two options");
  if (options.some((o) => !o.text)) return refuse("has an empty option");
  if (correct === 0) return refuse("has no correct option: check one with `- [x]`");
  if (type !== "multiple" && correct > 1) {
    return refuse(`a ${type} question has exactly one correct option, this one has ${correct}`);
  }
  if (type === "true-false") {
    const texts = options.map((o) => o.text.toLowerCase()).sort();
    if (texts.length !== 2 || texts[0] !== "false" || texts[1] !== "true") {
      return refuse("a true-false question has exactly the two options `True` and `False`");
    }
  }
  return options;
}
