/**
 * A file lock across processes (proper-lockfile), with its failures told apart at once: a folder the tutor may
 * not write to, a lock truly held by another process (waited for, up to the stale time), and a lock lost while
 * held (the process stalled past the stale time: suspended laptop, SIGSTOP, paused VM), which fences the write.
 */
import lockfile from "proper-lockfile";
import { StoreError } from "../errors.js";

export interface HeldLock {
  /** Throws STORE_LOCK_LOST when another process may have taken the lock over. */
  check(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  /** A lock not refreshed for this long is taken over. Default 10 s; at least 2 s (proper-lockfile). */
  staleMs: number;
}

const READ_ONLY = new Set(["EACCES", "EPERM", "EROFS"]);

export async function lockFile(file: string, { staleMs }: LockOptions): Promise<HeldLock> {
  let lost: Error | undefined;
  const giveUpAt = Date.now() + staleMs + 2_000;
  let wait = 2;
  for (;;) {
    try {
      const release = await lockfile.lock(file, {
        realpath: false,
        stale: staleMs,
        update: Math.max(1_000, Math.floor(staleMs / 4)),
        retries: 0,
        onCompromised: (error) => {
          lost = error;
        },
      });
      return {
        check() {
          if (lost) {
            throw new StoreError(
              "STORE_LOCK_LOST",
              `The lock on ${file} was lost while this write waited (the process was stalled for more than ${staleMs / 1000} s, or the lock was removed), so the write was refused: another process may have saved newer progress since. Nothing was written.`,
              file,
              undefined,
              { cause: lost },
            );
          }
        },
        async release() {
          // A lock already lost has nothing left to release.
          await release().catch((error: NodeJS.ErrnoException) => {
            if (!lost && error.code !== "ERELEASED" && error.code !== "ECOMPROMISED") throw error;
          });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (READ_ONLY.has(code)) {
        throw new StoreError(
          "STORE_READ_ONLY",
          `The data folder is read-only for the tutor (${code} on ${file}.lock). Point --data-dir or TUTOR_DATA_DIR at a folder you can write to, or fix its permissions.`,
          file,
          undefined,
          { cause: error },
        );
      }
      if (code !== "ELOCKED") {
        throw new StoreError(
          "STORE_IO",
          `Could not lock ${file}: ${(error as Error).message}`,
          file,
          undefined,
          {
            cause: error,
          },
        );
      }
      if (Date.now() >= giveUpAt) {
        throw new StoreError(
          "STORE_LOCKED",
          `Another running tutor has held the lock on ${file} for more than ${Math.round((staleMs + 2_000) / 1000)} s. If no other tutor is running, remove ${file}.lock.`,
          file,
          undefined,
          { cause: error },
        );
      }
      // Short waits with jitter: a lock is normally held for a few milliseconds.
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
      wait = Math.min(25, wait * 1.5);
    }
  }
}
