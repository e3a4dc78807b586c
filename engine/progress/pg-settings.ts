/**
 * The PostgreSQL store's settings and its connection errors in plain words. Small and free of the driver, so a
 * caller can validate settings and tell a URL from a folder without loading pg.
 */
import { StoreError } from "../errors.js";

export interface PgOptions {
  /**
   * The local folder for what stays on this machine (the content cache, disputes/).
   * Default: defaultDataDir().
   */
  dataDir?: string;
  /** Connections in the pool. Default TUTOR_DATABASE_POOL_SIZE, else 10. */
  poolSize?: number;
  /** A statement running longer is cancelled (StoreError STORE_UNAVAILABLE). Default TUTOR_DATABASE_STATEMENT_TIMEOUT_MS, else 5000. */
  statementTimeoutMs?: number;
  /** How long to wait for a connection. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** The schema the tables live in (created when missing); default: the connection's own (public). */
  schema?: string;
}

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

export function isDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** host:port/database of a database URL, for messages and logs: never the user's password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get("host") || decodeURIComponent(parsed.hostname) || "localhost";
    const database =
      decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username);
    return `${host}:${parsed.port || "5432"}/${database}`;
  } catch {
    return "(a database URL that could not be read)";
  }
}

/** The URL's password, to be cut out of any text that might quote it. */
export function passwordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

function whole(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new StoreError(
      "STORE_CONFIG",
      `${name} should be a whole number from ${min} to ${max}, not "${value}".`,
      name,
    );
  }
  return n;
}

/** The database settings from the environment, checked; a malformed one is a StoreError STORE_CONFIG naming it. */
export function databaseSettings(env: NodeJS.ProcessEnv = process.env): {
  url?: string;
  poolSize: number;
  statementTimeoutMs: number;
} {
  const url = env.TUTOR_DATABASE_URL?.trim() || undefined;
  if (url !== undefined && !isDatabaseUrl(url)) {
    throw new StoreError(
      "STORE_CONFIG",
      `TUTOR_DATABASE_URL should be a PostgreSQL URL such as postgres://user@host:5432/tutor (it starts with ${JSON.stringify(url.slice(0, 12))}).`,
      "TUTOR_DATABASE_URL",
    );
  }
  return {
    ...(url ? { url } : {}),
    poolSize: whole("TUTOR_DATABASE_POOL_SIZE", env.TUTOR_DATABASE_POOL_SIZE, 1, 1000, DEFAULT_POOL_SIZE),
    statementTimeoutMs: whole(
      "TUTOR_DATABASE_STATEMENT_TIMEOUT_MS",
      env.TUTOR_DATABASE_STATEMENT_TIMEOUT_MS,
      1,
      3_600_000,
      DEFAULT_STATEMENT_TIMEOUT_MS,
    ),
  };
}

/** Error codes of a connection that failed or broke (Node's, and PostgreSQL's SQLSTATE classes 08 and 57P). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "28000",
  "28P01",
  "3D000",
  "53300",
  "57014",
  "57P01",
  "57P02",
  "57P03",
]);

/** True for a failure to reach the database or keep talking to it, as opposed to a statement it refused. */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("08"))) return true;
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection timeout/i.test(
    message,
  );
}

/** A StoreError for a database that cannot be reached: its host, port and database, the cause, never the password. */
export function unavailable(url: string, error: unknown): StoreError {
  const where = describeDatabase(url);
  const code = (error as { code?: unknown } | undefined)?.code;
  let cause = error instanceof Error ? error.message : String(error);
  const password = passwordOf(url);
  if (password) cause = cause.split(password).join("***");
  cause = cause.split(url).join(where);
  const timedOut = code === "57014";
  return new StoreError(
    "STORE_UNAVAILABLE",
    timedOut
      ? `The progress database ${where} did not answer in time (${cause}); nothing was saved. Try again; TUTOR_DATABASE_STATEMENT_TIMEOUT_MS sets the limit.`
      : `Could not reach the progress database ${where}${typeof code === "string" ? ` (${code})` : ""}: ${cause}. Check that PostgreSQL runs there and TUTOR_DATABASE_URL (or --database-url) names it.`,
    where,
    undefined,
    { cause: error },
  );
}
