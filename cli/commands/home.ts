/** `tutor`: the home screen. */
import type { Launch } from "../interactive.js";

export function home(): Launch {
  // Nothing to check: the home frame is drawn at once and fills in when the lessons are read.
  return { immediate: { name: "home" } };
}
