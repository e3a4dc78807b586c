/** Reads the bot's settings from the environment (and a .env file if present), with plain-words errors. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export interface BotConfig {
  token: string;
  clientId?: string;
  guildId?: string;
  dataDir?: string;
  apiBase?: string;
}

/** A setting is missing or malformed: the message says what to set and where to get it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export const TOKEN_HELP =
  "Get it from https://discord.com/developers/applications -> your application -> Bot -> Reset Token, " +
  "then set DISCORD_TOKEN=... in the environment or in a .env file in the folder you start the bot from (copy .env.example).";

export const CLIENT_ID_HELP =
  "It is the Application ID on https://discord.com/developers/applications -> your application -> General Information; " +
  "put DISCORD_CLIENT_ID=... in .env (see .env.example) or in the environment.";

const SNOWFLAKE = /^\d{17,20}$/;

/** Loads `.env` from the working directory into process.env without overriding what is already set. */
export function loadEnvFile(path = resolve(process.cwd(), ".env")): boolean {
  if (!existsSync(path)) return false;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new ConfigError(`Could not read ${path}: ${(error as Error).message}`);
  }
  return true;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** What the bot needs to run. `requireClientId` is for the deploy script. */
export function readConfig(env: NodeJS.ProcessEnv, options: { requireClientId?: boolean } = {}): BotConfig {
  const token = clean(env.DISCORD_TOKEN)?.replace(/^Bot\s+/i, "");
  if (!token) throw new ConfigError(`DISCORD_TOKEN is not set. ${TOKEN_HELP}`);
  const clientId = clean(env.DISCORD_CLIENT_ID);
  if (options.requireClientId && !clientId)
    throw new ConfigError(`DISCORD_CLIENT_ID is not set. ${CLIENT_ID_HELP}`);
  if (clientId && !SNOWFLAKE.test(clientId)) {
    throw new ConfigError(`DISCORD_CLIENT_ID should be a number of 17 to 20 digits. ${CLIENT_ID_HELP}`);
  }
  const guildId = clean(env.DISCORD_GUILD_ID);
  if (guildId && !SNOWFLAKE.test(guildId)) {
    throw new ConfigError(
      "DISCORD_GUILD_ID should be a server id of 17 to 20 digits (Discord: Settings -> Advanced -> Developer Mode, " +
        "then right-click the server -> Copy Server ID), or left unset to register commands globally.",
    );
  }
  const apiBase = clean(env.DISCORD_API_BASE)?.replace(/\/+$/, "");
  if (apiBase && !/^https?:\/\//.test(apiBase)) {
    throw new ConfigError(
      `DISCORD_API_BASE should be an http(s) URL such as https://discord.com/api, not "${apiBase}".`,
    );
  }
  return { token, clientId, guildId, dataDir: clean(env.TUTOR_DATA_DIR), apiBase };
}

/** Removes the token from any text before it is logged or shown. */
export function redact(text: string, token: string | undefined): string {
  if (!token || token.length < 8) return text;
  return text.split(token).join("[token]");
}
