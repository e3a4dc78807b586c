/** Every learner's document, for the server-wide figures (leaderboard, stats). */
import type { EngineContext } from "../context.js";
import { emptyDoc, type LearnerDoc } from "../progress/model.js";

export async function allDocs(ctx: EngineContext): Promise<LearnerDoc[]> {
  const docs: LearnerDoc[] = [];
  for (const id of await ctx.store.learners()) {
    try {
      docs.push(await ctx.store.read(id));
    } catch {
      // One unreadable learner file (already moved aside and reported on its own) must not hide the others.
      docs.push(emptyDoc(id, ctx.now()));
    }
  }
  return docs;
}
