/**
 * A store's location as it may be shown: a folder as it is, a database URL as its scheme, host, port and database
 * only (describeDatabase), so no message, log line or progress bar ever prints a user, password or parameter.
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { describeDatabase } from "./pg-settings.js";

export function describeLocation(location: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location.trim())?.[1];
  return scheme ? `${scheme}://${describeDatabase(location.trim())}` : location;
}

/** Whether two locations name the same store: one folder (however written), or one database on one server. */
export function sameLocation(a: string, b: string): boolean {
  const url = (s: string) => {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s.trim())) return undefined;
    try {
      const u = new URL(s.trim());
      return `${u.hostname.toLowerCase()}:${u.port || "5432"}${decodeURIComponent(u.pathname) || "/"}`;
    } catch {
      return s.trim();
    }
  };
  const ua = url(a);
  const ub = url(b);
  if (ua !== undefined || ub !== undefined) return ua === ub;
  return folder(a) === folder(b);
}

function folder(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync.native(full);
  } catch {
    return full;
  }
}
