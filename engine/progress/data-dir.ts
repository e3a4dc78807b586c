/** Where progress is kept by default: small, so the terminal can find it before the engine loads. */
import envPaths from "env-paths";

export function defaultDataDir(): string {
  return process.env.TUTOR_DATA_DIR || envPaths("six-stages-tutor", { suffix: "" }).data;
}
