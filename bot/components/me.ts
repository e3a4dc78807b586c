/** The confirmation of `/me delete`. */
import type { ComponentRoute } from "./route.js";

export const meRoutes: ComponentRoute[] = [
  {
    route: "me:delete",
    ack: "update",
    async run(ctx, input) {
      // Whoever presses deletes their own data, never the data of the member who ran the command.
      const deleted = await ctx.tutor.deleteData(input.learnerId);
      return {
        content: deleted
          ? "Deleted: the tutor keeps nothing about you any more, here or on any server's leaderboard. Any command you run from now on starts afresh."
          : "There was nothing to delete: the tutor keeps nothing about you.",
        components: [],
      };
    },
  },
  {
    route: "me:keep",
    ack: "update",
    async run() {
      return { content: "Nothing was deleted.", components: [] };
    },
  },
];
