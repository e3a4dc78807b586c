/** The shape of one component action (button, select menu or modal), found by the first two parts of its custom id. */
import type { ModalBuilder } from "discord.js";
import type { BotContext } from "../context.js";
import type { View } from "../render/view.js";

/** What the handler read from the interaction: the route's arguments and what the member picked or typed. */
export interface ComponentInput {
  userId: string;
  learnerId: string;
  guildId?: string;
  /** The custom id's parts after `<area>:<action>`. */
  args: string[];
  /** Values chosen in a select menu. */
  values: string[];
  /** Text typed into a modal, by text input custom id. */
  fields: Record<string, string>;
}

interface RouteBase {
  /** `<area>:<action>`, e.g. `quiz:choice`. */
  route: string;
}

/** Acknowledged with a deferred update, then the message the component sits on is replaced by the view. */
export interface UpdateRoute extends RouteBase {
  ack: "update";
  run(ctx: BotContext, input: ComponentInput): Promise<View>;
}

/** Acknowledged with a deferred ephemeral reply: the view comes as a new message only the member sees. */
export interface ReplyRoute extends RouteBase {
  ack: "reply";
  run(ctx: BotContext, input: ComponentInput): Promise<View>;
}

/**
 * Answered with a modal, which cannot follow a deferral: `run` must only read content in memory.
 * When it returns a view instead, the message is updated with it (for example, the question is gone).
 */
export interface ModalRoute extends RouteBase {
  ack: "modal";
  run(ctx: BotContext, input: ComponentInput): ModalBuilder | View;
}

export type ComponentRoute = UpdateRoute | ReplyRoute | ModalRoute;
