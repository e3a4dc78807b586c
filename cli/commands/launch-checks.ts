/** Checks shared by the interactive commands: the lesson named and the stage number, before anything changes. */
import { isStageNumber, type Tutor } from "../../engine/index.js";
import { EXIT_USAGE, refusalExitCode, refusalText } from "../errors.js";
import type { Stop } from "../interactive.js";

export function checkLessonAndStage(
  tutor: Tutor,
  lesson: string | undefined,
  stage: number | undefined,
): Stop | undefined {
  if (lesson !== undefined) {
    const found = tutor.findLesson(lesson);
    if (!found.ok) return { code: refusalExitCode(found), message: refusalText(found) };
  }
  if (stage !== undefined && !isStageNumber(stage)) {
    return { code: EXIT_USAGE, message: `There is no stage ${stage}: stages are numbered 1 to 6.` };
  }
  return undefined;
}
