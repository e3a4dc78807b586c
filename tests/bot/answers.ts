/** Test helpers that drive the engine directly to set up a learner's state before the bot is exercised. */
import type { Tutor } from "../../engine/index.js";
import { rightResponse } from "../helpers/answers.js";
import { expectOk } from "../helpers/result.js";

export { rightResponse };

/** Passes the given stages of a lesson for a learner, answering every question right. */
export async function passStages(
  tutor: Tutor,
  learnerId: string,
  lessonId: string,
  stages: number[],
  guildId?: string,
): Promise<void> {
  for (const stage of stages) {
    let state = expectOk(await tutor.startQuiz(learnerId, lessonId, stage));
    while (state.question) {
      const answered = await tutor.answer(learnerId, {
        questionId: state.question.id,
        response: rightResponse(state.question),
        ...(guildId ? { guildId } : {}),
      });
      state = expectOk(answered).quiz;
    }
  }
}
