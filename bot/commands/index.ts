/** Every slash command, for the handler and the deploy script alike. */
import { ask } from "./ask.js";
import type { SlashCommand } from "./command.js";
import { journal } from "./journal.js";
import { leaderboard } from "./leaderboard.js";
import { learn } from "./learn.js";
import { lessons } from "./lessons.js";
import { me } from "./me.js";
import { progress } from "./progress.js";
import { quiz } from "./quiz.js";
import { remind } from "./remind.js";
import { review } from "./review.js";
import { settings } from "./settings.js";
import { tutor } from "./tutor.js";

export const commands: readonly SlashCommand[] = [
  lessons,
  learn,
  ask,
  quiz,
  review,
  journal,
  progress,
  leaderboard,
  tutor,
  settings,
  remind,
  me,
];

export function commandPayloads() {
  return commands.map((command) => command.data.toJSON());
}
