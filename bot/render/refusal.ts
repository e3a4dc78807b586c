/** The engine's refusals (expected outcomes, not errors) in the bot's words: one place for all of them. */
import type { Refusal } from "../../engine/index.js";

export function refusalText(refusal: Refusal): string {
  switch (refusal.code) {
    case "unknown-lesson":
      return refusal.suggestion
        ? `There is no such lesson. Did you mean \`${refusal.suggestion}\`? \`/lessons\` lists them all.`
        : "There is no such lesson. `/lessons` lists them all.";
    case "unknown-stage":
      return "Stages are numbered 1 to 6.";
    case "stage-locked":
      return `${refusal.message} \`/learn\` opens the stage you are on.`;
    case "unknown-question":
      return "That question is no longer in the lessons (they were updated). Carry on with `/quiz`.";
    case "no-session":
      return "There is no quiz in progress any more: it finished, or you started another one. Start one with `/quiz` or `/review`.";
    case "stale-question":
      return "That question was already answered: your quiz has moved on. Here is where you are now.";
    case "nothing-to-assess":
      return "That answer can no longer be assessed: only your latest explain answer can, until you answer another question.";
    case "already-assessed":
      return "You have already assessed that answer.";
    case "invalid-assessment":
      return "That button belongs to an older version of the tutor. Answer again to carry on.";
    case "nothing-due": {
      // Discord shows a timestamp in the reader's own time zone and language.
      const next = refusal.nextDue
        ? ` The next one is due <t:${Math.floor(Date.parse(refusal.nextDue) / 1000)}:R>.`
        : "";
      return `Nothing is due for review right now.${next} Learn something new with \`/learn\` or \`/quiz\`.`;
    }
    case "try-later":
    case "not-now":
      return refusal.message;
    case "unknown-time-zone":
      return refusal.suggestion
        ? `That is not a time zone. Did you mean \`${refusal.suggestion}\`? Pick one from the list as you type.`
        : "That is not a time zone: give an IANA name such as `Europe/Paris` or `America/New_York`, or pick one from the list as you type.";
    case "bad-hour":
      return "Give the hour as a whole number from 0 to 23, in your time zone.";
  }
}
