/**
 * Opens the progress store a location names: a postgres:// or postgresql:// URL names a PostgreSQL database,
 * anything else a JSON data folder. This build has no PostgreSQL store, so a database URL is refused with words
 * that say so (and never the URL's password).
 */
import { StoreError } from "../errors.js";
import { describeLocation } from "./location.js";
import { JsonProgressStore, type ProgressStore, type StoreOptions } from "./store.js";

/** A postgres:// or postgresql:// URL (any case), as opposed to a folder. */
export function isDatabaseUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s.trim());
}

export async function openStore(location: string, options: StoreOptions = {}): Promise<ProgressStore> {
  if (isDatabaseUrl(location)) {
    throw new StoreError(
      "STORE_IO",
      `${describeLocation(location)} is a PostgreSQL database, and this build of the tutor has no PostgreSQL store: name a data folder instead.`,
      describeLocation(location),
    );
  }
  return new JsonProgressStore(location, options);
}
