/**
 * Sends the daily review reminders as direct messages. The engine decides who is due a reminder and claims it
 * (at most one a day, under the learner's lock, so two bot processes never both send); this file runs the clock
 * (croner, every quarter hour, so zones with half-hour offsets are on time too) and talks to Discord.
 */
import { Cron } from "croner";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import { customId } from "./components/custom-id.js";
import { type BotContext, userIdOf } from "./context.js";
import { fitMessage } from "./render/view.js";

/** Discord's "Cannot send messages to this user": the member closed their direct messages. */
const DMS_CLOSED = 50007;
/** Every quarter hour: a learner's hour comes on the hour in their zone, which is :30 or :45 UTC in some zones. */
const SCHEDULE = "*/15 * * * *";

export interface Reminders {
  /** One pass: claims and sends every reminder whose hour has come. Resolves when all were tried. */
  tick(): Promise<void>;
  /** Starts the clock; the first pass runs at once, so reminders missed while the bot was down go out. */
  start(): void;
  /** Stops the clock and waits for a pass in progress. */
  stop(): Promise<void>;
}

export function createReminders(ctx: BotContext, client: Client): Reminders {
  let job: Cron | undefined;
  let running: Promise<void> | undefined;

  /** True when a message went out. */
  async function remind(learnerId: string): Promise<boolean> {
    const userId = userIdOf(learnerId);
    if (!userId) return false;
    const claimed = await ctx.tutor.claimReminder(learnerId);
    if (!claimed) return false;
    const n = claimed.due;
    const message = fitMessage({
      content: `You have ${n} review${n === 1 ? "" : "s"} due. A few minutes now keeps what you learned. (\`/remind off\` stops these messages.)`,
      components: [
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(customId("quiz", "review"))
            .setLabel("Start the review")
            .setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    try {
      const dm = await client.users.createDM(userId);
      await dm.send(message);
      ctx.log.info("reminder sent", { user: userId, due: n });
      return true;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === DMS_CLOSED) {
        await ctx.tutor.remindersUnreachable(learnerId);
        ctx.log.info("reminders switched off: direct messages closed", { user: userId });
      } else {
        // Claimed but not delivered: today's reminder is lost rather than risk sending it twice.
        ctx.log.warn("reminder not sent", { user: userId, error });
      }
      return false;
    }
  }

  async function pass(): Promise<void> {
    const learners = await ctx.tutor.remindersToTry();
    let sent = 0;
    for (const learnerId of learners) {
      const done = await remind(learnerId).catch((error: unknown) => {
        ctx.log.error("reminder failed", { learnerId, error });
        return false;
      });
      if (done) sent++;
    }
    // A reminder claimed elsewhere (another process, or earlier today) counts as tried, not sent.
    if (learners.length > 0) ctx.log.info("reminders checked", { tried: learners.length, sent });
  }

  function tick(): Promise<void> {
    // One pass at a time: a slow pass is not overlapped by the next quarter hour's.
    running ??= pass()
      .catch((error: unknown) => ctx.log.error("reminder pass failed", { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    tick,
    start() {
      job ??= new Cron(SCHEDULE, { timezone: "UTC", unref: true, protect: true }, () => void tick());
      void tick();
    },
    async stop() {
      job?.stop();
      job = undefined;
      await running;
    },
  };
}
