/** `tutor`: the home screen. */
import type { Launch } from "../interactive.js";
import { type GlobalOptions, homeSnapshot } from "../open-tutor.js";

export function home(globals: GlobalOptions): Launch {
  // Nothing to check: the home frame is drawn at once and fills in when the lessons are read. The home screen
  // kept from the last start is read from here on, while Ink loads, and makes that first frame complete.
  return { immediate: { name: "home" }, preview: homeSnapshot(globals).catch(() => undefined) };
}
