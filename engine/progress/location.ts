/**
 * A store's location as it may be shown: a folder as it is, a database URL without its password (and without
 * any query parameter that could carry one), so no message, log line or progress bar ever prints a secret.
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";

export function describeLocation(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location.trim())) return location;
  try {
    const url = new URL(location.trim());
    if (url.password) url.password = "***";
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|key|token/i.test(key)) url.searchParams.set(key, "***");
    }
    return url.toString();
  } catch {
    // Not a URL the WHATWG parser takes: show only its scheme and host-ish part, never what may follow a colon.
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(location.trim())?.[0] ?? "";
    const rest = location.trim().slice(scheme.length);
    const host = rest.includes("@") ? rest.slice(rest.lastIndexOf("@") + 1) : rest;
    return `${scheme}***@${host.split(/[/?#]/)[0]}`;
  }
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
