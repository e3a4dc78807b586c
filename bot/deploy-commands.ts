/** Registers the slash commands: in one server when a guild id is given (instant), else globally. */
import { REST, Routes } from "discord.js";
import { commandPayloads } from "./commands/index.js";

export interface DeployTarget {
  token: string;
  clientId: string;
  guildId?: string;
  apiBase?: string;
}

export async function deployCommands(target: DeployTarget): Promise<{ count: number; scope: string }> {
  const rest = new REST(target.apiBase ? { api: target.apiBase } : {}).setToken(target.token);
  const body = commandPayloads();
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return {
    count: Array.isArray(registered) ? registered.length : body.length,
    scope: target.guildId
      ? `server ${target.guildId}`
      : "every server (global commands can take up to an hour to appear)",
  };
}
