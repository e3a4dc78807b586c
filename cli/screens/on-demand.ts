/** The screens after home, loaded together and on their own (see app.tsx). */
export { Progress } from "./progress.js";
export { Quiz, quizStartOf } from "./quiz.js";
export { Reader } from "./reader.js";
