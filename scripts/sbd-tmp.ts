import { analyse } from "../engine/quiz/explain/nlp.js";
console.log(analyse("Waits: connect, request read, idle keep-alive. each timeout frees what that wait holds. The program doesn't do it. the kernel does.").map((s) => s.text));
