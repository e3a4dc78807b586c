/** Start-up failures in plain words: what to set and where to get it. No stack traces, never the token. */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from "discord.js";
import { ContentError, formatIssue, StoreError } from "../engine/index.js";
import { CLIENT_ID_HELP, ConfigError, TOKEN_HELP } from "./config.js";

export function explainStartupError(error: unknown, apiBase?: string): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return `Discord rejected DISCORD_TOKEN (it is wrong, or was reset). ${TOKEN_HELP}`;
  }
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.DisallowedIntents) {
    return "Discord refused the intents the bot asked for. The bot needs only Guilds and Guild Messages, neither of them privileged; check docs/discord.md.";
  }
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return `Discord rejected DISCORD_TOKEN (it is wrong, or was reset). ${TOKEN_HELP}`;
    if (error.status === 403 || error.status === 404) {
      return `Discord refused (${error.status}: ${error.message}). Check DISCORD_CLIENT_ID (${CLIENT_ID_HELP}) and, if set, that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope (docs/discord.md).`;
    }
    return `Discord answered ${error.status}: ${error.message}`;
  }
  if (error instanceof ContentError) {
    return `The lessons have problems; fix them (npm run check) and start again:\n${error.issues.map(formatIssue).join("\n")}`;
  }
  if (error instanceof StoreError && error.code === "STORE_UNAVAILABLE") {
    return `${error.message} (TUTOR_DATABASE_URL; unset it to keep progress in the TUTOR_DATA_DIR folder instead.)`;
  }
  if (error instanceof StoreError && (error.code === "STORE_SCHEMA" || error.code === "STORE_CONFIG")) {
    return error.message;
  }
  if (error instanceof StoreError) {
    return `The progress store at ${error.path} is not usable (${error.code}): ${error.message}${error.movedTo ? ` The damaged file was moved to ${error.movedTo}.` : ""} Set TUTOR_DATA_DIR to choose another folder.`;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET)$/.test(code)) {
    return `Could not reach Discord${apiBase ? ` at ${apiBase} (DISCORD_API_BASE)` : ""}: ${code}. Check the network, or unset DISCORD_API_BASE.`;
  }
  return `The bot stopped: ${error instanceof Error ? error.message : String(error)}`;
}
