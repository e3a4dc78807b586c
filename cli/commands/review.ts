/** `tutor review`: the spaced-repetition queue, one question at a time. */
import type { Tutor } from "../../engine/index.js";
import { EXIT_OK, refusalExitCode, refusalText } from "../errors.js";
import type { Launch, Stop } from "../interactive.js";
import { LEARNER_ID } from "../open-tutor.js";
import type { Route } from "../routes.js";

export function review(): Launch {
  return {
    start: async (tutor: Tutor): Promise<Route | Stop> => {
      const started = await tutor.resumeReview(LEARNER_ID);
      if (!started.ok) {
        // Nothing due is good news, not a failure.
        return {
          code: started.code === "nothing-due" ? EXIT_OK : refusalExitCode(started),
          message: refusalText(started),
        };
      }
      return { name: "review", initial: started.value };
    },
  };
}
