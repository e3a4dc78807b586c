/** The screens of the app and what each needs to open. */
import type { QuizState, StageNumber } from "../engine/index.js";

export type Route =
  | { name: "home" }
  | { name: "reader"; lessonId: string; stage?: StageNumber }
  /** A quiz: a new one on a lesson's stage, the stored session (resume), or a review; `initial` skips the start call. */
  | { name: "quiz"; lessonId: string; stage?: StageNumber; initial?: QuizState }
  | { name: "resume"; initial?: QuizState }
  | { name: "review"; initial?: QuizState }
  | { name: "progress" };
