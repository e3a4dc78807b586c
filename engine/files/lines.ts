/**
 * JSON Lines files: appended to (one write, flushed to disk when durable) and read from a byte offset in chunks,
 * so reading a log costs memory for one chunk, not for the file.
 */
import { open } from "node:fs/promises";

const CHUNK = 1 << 20;

/**
 * Appends `text` (whole lines) in one write. With `expectedSize`, refuses (returns undefined) when the file is not
 * that size: someone else appended since it was measured. Returns the size after the write.
 */
export async function appendLines(
  file: string,
  text: string,
  { durable, expectedSize }: { durable: boolean; expectedSize?: number },
): Promise<number | undefined> {
  const handle = await open(file, "a");
  try {
    const { size } = await handle.stat();
    if (expectedSize !== undefined && size !== expectedSize) return undefined;
    const bytes = Buffer.from(text, "utf8");
    await handle.write(bytes, 0, bytes.length);
    if (durable) await handle.sync();
    return size + bytes.length;
  } finally {
    await handle.close();
  }
}

export interface Line {
  text: string;
  /** Offset just past the line's newline. */
  end: number;
}

/**
 * The complete lines between byte offsets `from` and `to` (default: the end of the file when opened). A last line
 * with no newline (a write cut short, or one still being written) is not yielded; `tail.torn` says it was there.
 */
export async function* readLines(
  file: string,
  from = 0,
  to?: number,
  tail: { torn?: boolean } = {},
): AsyncGenerator<Line> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    const end = to ?? (await handle.stat()).size;
    let position = from;
    let carry = Buffer.alloc(0);
    const buffer = Buffer.alloc(CHUNK);
    while (position < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
      if (bytesRead === 0) break;
      const chunk =
        carry.length > 0
          ? Buffer.concat([carry, buffer.subarray(0, bytesRead)])
          : buffer.subarray(0, bytesRead);
      const chunkStart = position - carry.length;
      position += bytesRead;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        yield { text: chunk.toString("utf8", start, nl), end: chunkStart + nl + 1 };
        start = nl + 1;
      }
      carry = Buffer.from(chunk.subarray(start));
    }
    if (carry.length > 0) tail.torn = true;
  } finally {
    await handle.close();
  }
}
