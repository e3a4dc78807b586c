/**
 * The engine's second door, and its only other one: what the terminal reads before the engine loads, so the home
 * screen's first frame can be complete. Small on purpose (no store, no parser, no search); everything else is
 * behind engine/index.ts.
 */
export { defaultContentDir } from "./content/content-dir.js";
export { defaultDataDir } from "./progress/data-dir.js";
export { readHomeSnapshot } from "./progress/home-snapshot.js";
export { withoutControls } from "./text/controls.js";
