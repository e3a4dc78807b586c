/** A small logger: one line per event on stderr, with the token (and anything else secret) redacted. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

type Level = "info" | "warn" | "error";

export function createLogger(
  options: {
    secrets?: string[];
    write?: (line: string) => void /** Put before every message, e.g. "shard 1". */;
    tag?: string;
  } = {},
): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const tag = options.tag ? `[${options.tag}] ` : "";
  const emit = (level: Level, message: string, detail?: Record<string, unknown>) => {
    const extra = detail ? ` ${JSON.stringify(detail, replacer)}` : "";
    write(scrub(`${new Date().toISOString()} ${level} ${tag}${message}${extra}`));
  };
  return {
    info: (message, detail) => emit("info", message, detail),
    warn: (message, detail) => emit("warn", message, detail),
    error: (message, detail) => emit("error", message, detail),
  };
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
