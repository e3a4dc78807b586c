/** Packs embeds into pages that each fit one message (10 embeds, 6,000 characters in total). */
import type { APIEmbed } from "discord.js";
import { LIMITS } from "./limits.js";
import { embedLength } from "./view.js";

/**
 * Greedy packing in order, at most `budget` characters (never more than Discord's 6,000) per page.
 * An embed that alone exceeds the budget still gets a page of its own; `fitMessage` trims it.
 */
export function packPages(
  embeds: readonly APIEmbed[],
  budget: number = LIMITS.embedTotal,
  maxEmbeds: number = LIMITS.embeds,
): APIEmbed[][] {
  const limit = Math.min(budget, LIMITS.embedTotal);
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (page.length > 0 && (size + length > limit || page.length >= maxEmbeds)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(embed);
    size += length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Keeps a page number inside 0..count-1 (content may have changed since the button was drawn). */
export function clampPage(page: number, count: number): number {
  if (!Number.isInteger(page) || page < 0) return 0;
  return Math.min(page, Math.max(0, count - 1));
}
