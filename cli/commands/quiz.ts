/** `tutor quiz [lesson] [--stage N]`: a stage's questions; without a lesson, the quiz in progress or the next one. */
import type { Tutor } from "../../engine/index.js";
import { EXIT_USAGE, refusalExitCode, refusalText } from "../errors.js";
import type { Launch, Stop } from "../interactive.js";
import { LEARNER_ID } from "../open-tutor.js";
import type { Route } from "../routes.js";
import { checkLessonAndStage } from "./launch-checks.js";

export function quiz(lesson: string | undefined, stage: number | undefined): Launch {
  return {
    validate: (tutor) => checkLessonAndStage(tutor, lesson, stage),
    start: async (tutor: Tutor): Promise<Route | Stop> => {
      let lessonId = lesson;
      let stageNumber = stage;
      if (lessonId === undefined) {
        const current = await tutor.current(LEARNER_ID);
        if (current && !current.done) {
          return current.mode === "review"
            ? { name: "review", initial: current }
            : { name: "resume", initial: current };
        }
        const next = await tutor.nextStep(LEARNER_ID, { reviews: false });
        if (next.kind !== "read" && next.kind !== "quiz") {
          return {
            code: EXIT_USAGE,
            message: `${next.message} Name a lesson to take its quiz: tutor quiz <lesson> (tutor lessons lists them).`,
          };
        }
        lessonId = next.lessonId;
        stageNumber ??= next.stage;
      }
      const started = await tutor.startQuiz(LEARNER_ID, lessonId, stageNumber);
      if (!started.ok) return { code: refusalExitCode(started), message: refusalText(started) };
      const state = started.value;
      return {
        name: "quiz",
        lessonId: state.lessonId ?? lessonId,
        ...(state.stage ? { stage: state.stage } : {}),
        initial: state,
      };
    },
  };
}
