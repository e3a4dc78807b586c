/** The one place where failures become words for Discord members. Paths and stacks go to the log only. */
import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { ContentError, StoreError } from "../../engine/index.js";

export function describeFailure(error: unknown, errorId: string): string {
  const tail = `(error id \`${errorId}\`)`;
  if (error instanceof StoreError) {
    switch (error.code) {
      case "STORE_LOCKED":
        return `Your progress is being saved by another tutor (maybe the terminal app) right now. Try again in a moment. ${tail}`;
      case "STORE_LOCK_LOST":
        return `Your last answer was not saved: the tutor was held up while saving it, and newer progress had been saved in the meantime. Please answer again. ${tail}`;
      case "STORE_READ_ONLY":
        return `The tutor cannot save progress right now (its data folder cannot be written). Please tell the server admins this id: ${tail}`;
      case "STORE_UNAVAILABLE":
        return `The progress store is unavailable right now, so nothing was saved. Please try again in a moment. ${tail}`;
      case "STORE_CORRUPT":
        return `Your saved progress could not be read, so it was set aside and kept for the server admins. Tell them this id: ${tail}`;
      default:
        return `The tutor could not read or save progress. Please tell the server admins this id: ${tail}`;
    }
  }
  if (error instanceof ContentError) {
    return `The lessons have problems the tutor cannot read around. Please tell the server admins this id: ${tail}`;
  }
  return `Something went wrong on our side. If it keeps happening, tell the server admins this id: ${tail}`;
}

/** Discord says the interaction is gone or already answered: answering again would only fail again. */
export function isInteractionGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}
