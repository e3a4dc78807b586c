/**
 * Custom ids name an action and the content it is about, never learner state: that lives in the store.
 * Format: `<area>:<action>:<arg>...`; ids of lessons and questions appear as short references.
 */
import { createHash } from "node:crypto";
import { LIMITS } from "../render/limits.js";

const SEPARATOR = ":";
const MAX_PLAIN_REF = 40;

/** A lesson or question id as it goes into a custom id: itself when short, else a stable hash. */
export function refOf(id: string): string {
  if (id.length <= MAX_PLAIN_REF && !id.includes(SEPARATOR) && !id.startsWith("~")) return id;
  return `~${createHash("sha256").update(id).digest("base64url").slice(0, 12)}`;
}

/** Finds the id that `ref` stands for among `ids`. */
export function resolveRef(ref: string, ids: Iterable<string>): string | undefined {
  for (const id of ids) if (refOf(id) === ref) return id;
  return undefined;
}

export function customId(area: string, action: string, ...args: (string | number)[]): string {
  const id = [area, action, ...args.map(String)].join(SEPARATOR);
  if (id.length > LIMITS.customId) throw new Error(`custom id longer than ${LIMITS.customId}: ${id}`);
  return id;
}

export interface ParsedCustomId {
  /** `<area>:<action>`, the key of the component route. */
  route: string;
  args: string[];
}

export function parseCustomId(id: string): ParsedCustomId {
  const [area = "", action = "", ...args] = id.split(SEPARATOR);
  return { route: `${area}${SEPARATOR}${action}`, args };
}
