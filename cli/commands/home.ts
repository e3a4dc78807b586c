/** `tutor`: the home screen. */
import type { Launch } from "../interactive.js";

export function home(): Launch {
  return { start: async () => ({ name: "home" }) };
}
