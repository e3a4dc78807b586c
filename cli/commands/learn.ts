/** `tutor learn [lesson] [--stage N]`: the reader, on the lesson named or where the learner left off. */
import type { Tutor } from "../../engine/index.js";
import { refusalExitCode, refusalText } from "../errors.js";
import type { Launch, Stop } from "../interactive.js";
import { LEARNER_ID } from "../open-tutor.js";
import type { Route } from "../routes.js";
import { checkLessonAndStage } from "./launch-checks.js";

export function learn(lesson: string | undefined, stage: number | undefined): Launch {
  return {
    validate: (tutor) => checkLessonAndStage(tutor, lesson, stage),
    start: async (tutor: Tutor): Promise<Route | Stop> => {
      if (lesson === undefined) {
        const next = await tutor.nextStep(LEARNER_ID, { reviews: false });
        if (next.kind === "read" || next.kind === "quiz")
          return { name: "reader", lessonId: next.lessonId, stage: next.stage };
        if (next.kind === "continue-quiz" && next.quiz.lessonId)
          return { name: "reader", lessonId: next.quiz.lessonId };
        return { name: "home" };
      }
      const opened = await tutor.openStage(LEARNER_ID, lesson, stage);
      if (!opened.ok) return { code: refusalExitCode(opened), message: refusalText(opened) };
      return { name: "reader", lessonId: opened.value.lesson.id, stage: opened.value.stage };
    },
  };
}
