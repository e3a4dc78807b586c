/** Reads the bot's settings from the environment (and a .env file if present): a zod schema with plain-words errors. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { databaseSettings, describeDatabase } from "../engine/index.js";

export interface BotConfig {
  token: string;
  clientId?: string;
  guildId?: string;
  dataDir?: string;
  /** host:port/database of TUTOR_DATABASE_URL when progress is kept in PostgreSQL (never the password). */
  database?: string;
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

/** A setting as written: surrounding space trimmed, and blank is the same as unset. */
const setting = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const GUILD_ID_HELP =
  "DISCORD_GUILD_ID should be a server id of 17 to 20 digits (Discord: Settings -> Advanced -> Developer Mode, " +
  "then right-click the server -> Copy Server ID), or left unset to register commands globally.";

/**
 * The bot's environment. Every message is ours and none quotes the token: zod's own messages and the
 * values it received never reach the learner. `requireClientId` is for the deploy script.
 */
function botEnv(requireClientId: boolean) {
  const clientId = z.string({ error: `DISCORD_CLIENT_ID is not set. ${CLIENT_ID_HELP}` }).regex(SNOWFLAKE, {
    error: `DISCORD_CLIENT_ID should be a number of 17 to 20 digits. ${CLIENT_ID_HELP}`,
  });
  return z.object({
    DISCORD_TOKEN: setting
      .transform((token) => token?.replace(/^Bot\s+/i, "") || undefined)
      .pipe(z.string({ error: `DISCORD_TOKEN is not set. ${TOKEN_HELP}` })),
    DISCORD_CLIENT_ID: setting.pipe(requireClientId ? clientId : clientId.optional()),
    DISCORD_GUILD_ID: setting.pipe(z.string().regex(SNOWFLAKE, { error: GUILD_ID_HELP }).optional()),
    TUTOR_DATA_DIR: setting,
    DISCORD_API_BASE: setting
      .transform((url) => url?.replace(/\/+$/, ""))
      .pipe(
        z
          .string()
          .regex(/^https?:\/\//, {
            error: (issue) =>
              `DISCORD_API_BASE should be an http(s) URL such as https://discord.com/api, not "${issue.input}".`,
          })
          .optional(),
      ),
  });
}

/** What the bot needs to run. `requireClientId` is for the deploy script. */
export function readConfig(env: NodeJS.ProcessEnv, options: { requireClientId?: boolean } = {}): BotConfig {
  const parsed = botEnv(options.requireClientId ?? false).safeParse(env);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues[0]?.message ?? "The bot's settings are not valid.");
  const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, TUTOR_DATA_DIR, DISCORD_API_BASE } =
    parsed.data;
  // The progress database's settings, checked now rather than at the first command (the engine reads them).
  let database: string | undefined;
  try {
    const url = databaseSettings(env).url;
    database = url && describeDatabase(url);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    ...(database ? { database } : {}),
    token: DISCORD_TOKEN,
    clientId: DISCORD_CLIENT_ID,
    guildId: DISCORD_GUILD_ID,
    dataDir: TUTOR_DATA_DIR,
    apiBase: DISCORD_API_BASE,
  };
}

/** Removes the token from any text before it is logged or shown. */
export function redact(text: string, token: string | undefined): string {
  if (!token || token.length < 8) return text;
  return text.split(token).join("[token]");
}
