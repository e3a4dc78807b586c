/**
 * File names for learner ids. Any id (a Discord id, a long CJK name, "50%", "../x") maps to a short, safe,
 * fixed-length name: a readable prefix of its ASCII letters and digits and a hash of the whole id. The real id
 * is kept inside the document.
 */
import { createHash } from "node:crypto";

export const DOC_SUFFIX = ".doc.json";
export const LOG_SUFFIX = ".answers.jsonl";

export function fileStem(learnerId: string): string {
  const readable = learnerId.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40);
  const hash = createHash("sha256").update(learnerId, "utf8").digest("hex").slice(0, 20);
  return `${readable}-${hash}`;
}

/** A file in the learners folder that is one of ours: a stem and a known suffix. */
export function isDocName(name: string): boolean {
  return /^[A-Za-z0-9_-]{0,40}-[0-9a-f]{20}\.doc\.json$/.test(name);
}
