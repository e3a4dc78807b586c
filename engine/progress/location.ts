/**
 * A store's location as it may be shown: a folder as it is, a database URL without its password (and without
 * any query parameter that could carry one), so no message, log line or progress bar ever prints a secret.
 */
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
