/**
 * Opens the progress store a location names: a postgres:// or postgresql:// URL gives the PostgreSQL store (the
 * driver loaded only then), anything else is a folder for the JSON store.
 */
import { isDatabaseUrl, type PgOptions } from "./pg-settings.js";
import { JsonProgressStore, type ProgressStore, type StoreOptions } from "./store.js";

export { databaseSettings, isDatabaseUrl, type PgOptions } from "./pg-settings.js";

export async function openStore(
  location: string,
  options: StoreOptions & PgOptions = {},
): Promise<ProgressStore> {
  if (!isDatabaseUrl(location)) return new JsonProgressStore(location, options);
  const { PgProgressStore } = await import("./pg-store.js");
  return PgProgressStore.open(location.trim(), options);
}
