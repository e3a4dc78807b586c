/**
 * A lowdb adapter that writes durably (unique temp file, fsync, rename, fsync of the folder: writeAtomically) and never
 * replaces a corrupt document with defaults: it moves it aside and throws.
 */
import { readFile, rename } from "node:fs/promises";
import type { Adapter } from "lowdb";
import { StoreError } from "../errors.js";
import { writeAtomically } from "../files/write-atomically.js";

export function corruptName(file: string, now: Date): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
}

export class DurableJSONFile<T extends object> implements Adapter<T> {
  /** `validate` names what is wrong with a parsed document, or returns undefined when it is sound. */
  constructor(
    private readonly file: string,
    private readonly validate: (data: object) => string | undefined = () => undefined,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new StoreError(
        "STORE_IO",
        `Could not read ${this.file}: ${(error as Error).message}`,
        this.file,
        undefined,
        {
          cause: error,
        },
      );
    }
    let data: unknown;
    let reason = "";
    try {
      data = JSON.parse(text);
      if (data === null || typeof data !== "object" || Array.isArray(data)) {
        reason = "it does not hold a JSON object";
      } else reason = this.validate(data) ?? "";
    } catch (error) {
      reason = `it is not valid JSON (${(error as Error).message})`;
    }
    if (!reason) return data as T;
    const movedTo = corruptName(this.file, new Date());
    await rename(this.file, movedTo);
    throw new StoreError(
      "STORE_CORRUPT",
      `The progress file ${this.file} could not be read: ${reason}. It was moved aside to ${movedTo} and nothing in it was deleted; the next start begins a fresh file. Repair the moved file and put it back to restore that progress.`,
      this.file,
      movedTo,
    );
  }

  async write(data: T): Promise<void> {
    try {
      await writeAtomically(this.file, `${JSON.stringify(data, null, 2)}\n`, { durable: true });
    } catch (error) {
      throw new StoreError(
        "STORE_IO",
        `Could not save ${this.file}: ${(error as Error).message}`,
        this.file,
        undefined,
        {
          cause: error,
        },
      );
    }
  }
}
