/** Every component route, by `<area>:<action>`. */
import { browseRoutes } from "./browse.js";
import { meRoutes } from "./me.js";
import { quizRoutes } from "./quiz.js";
import type { ComponentRoute } from "./route.js";
import { selfAssessRoutes } from "./self-assess.js";

export const routes: readonly ComponentRoute[] = [
  ...quizRoutes,
  ...browseRoutes,
  ...selfAssessRoutes,
  ...meRoutes,
];
