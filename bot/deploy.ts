/** `npm run bot:deploy`: registers the slash commands with Discord. */
import { loadEnvFile, readConfig, redact } from "./config.js";
import { deployCommands } from "./deploy-commands.js";
import { explainStartupError } from "./startup-errors.js";

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig(process.env, { requireClientId: true });
  try {
    const { count, scope } = await deployCommands({
      token: config.token,
      clientId: config.clientId as string,
      ...(config.guildId ? { guildId: config.guildId } : {}),
      ...(config.apiBase ? { apiBase: config.apiBase } : {}),
    });
    process.stdout.write(`Registered ${count} slash commands for ${scope}.\n`);
  } catch (error) {
    throw new Error(redact(explainStartupError(error, config.apiBase), config.token));
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof Error && error.name === "Error" ? error.message : explainStartupError(error);
  process.stderr.write(`${redact(message, process.env.DISCORD_TOKEN?.trim())}\n`);
  process.exit(1);
});
