/** `tutor quiz [lesson] [--stage N]`: a stage's questions; without a lesson, the quiz in progress or the next one. */
import type { QuizState, Result, Tutor } from "../../engine/index.js";
import { EXIT_USAGE, refusalExitCode, refusalText } from "../errors.js";
import type { Launch, Stop } from "../interactive.js";
import { LEARNER_ID } from "../open-tutor.js";
import type { Route } from "../routes.js";
import { checkLessonAndStage } from "./launch-checks.js";

export function quiz(lesson: string | undefined, stage: number | undefined): Launch {
  return {
    validate: (tutor) => checkLessonAndStage(tutor, lesson, stage),
    start: async (tutor: Tutor): Promise<Route | Stop> => {
      if (lesson !== undefined) return quizRoute(await tutor.startQuiz(LEARNER_ID, lesson, stage));
      // No lesson named: the engine decides what to carry on with (reviews have their own command).
      const resumed = await tutor.resumeQuiz(LEARNER_ID, { reviews: false, ...(stage ? { stage } : {}) });
      if (!resumed.ok) return quizRoute(resumed);
      const { value } = resumed;
      switch (value.kind) {
        case "nothing":
          return {
            code: EXIT_USAGE,
            message: `${value.next.message} Name a lesson to take its quiz: tutor quiz <lesson> (tutor lessons lists them).`,
          };
        case "continued":
          return { name: value.quiz.mode === "review" ? "review" : "resume", initial: value.quiz };
        default:
          return quizRoute({ ok: true, value: value.quiz });
      }
    },
  };
}

function quizRoute(started: Result<QuizState>): Route | Stop {
  if (!started.ok) return { code: refusalExitCode(started), message: refusalText(started) };
  const state = started.value;
  return {
    name: "quiz",
    lessonId: state.lessonId ?? "",
    ...(state.stage ? { stage: state.stage } : {}),
    initial: state,
  };
}
