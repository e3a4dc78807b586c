/**
 * Lesson markdown -> Discord markdown, and splitting it into pieces that fit an embed.
 * Discord renders no HTML, tables or images in embeds: tables become code blocks, images links, HTML plain text.
 */
import { marked, type Token, type Tokens } from "marked";

const FENCE = "```";

function fenced(lang: string | undefined, text: string): string {
  return `${FENCE}${lang ?? ""}\n${text.replaceAll(FENCE, "`\u200b``")}\n${FENCE}`;
}

function inline(text: string): string {
  // Images: Discord shows no inline images in embeds; keep them as links.
  return text.replace(
    /!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g,
    (_all, alt: string, url: string) => `[${alt || url}](${url})`,
  );
}

/** One top-level block of the lesson as Discord markdown. */
function block(token: Token): string | undefined {
  switch (token.type) {
    case "space":
    case "def":
      return undefined;
    case "heading":
      return `**${inline((token as Tokens.Heading).text)}**`;
    case "code": {
      const code = token as Tokens.Code;
      return fenced(code.lang?.split(/\s/)[0], code.text);
    }
    case "table":
      return fenced(undefined, token.raw.trim());
    case "html":
      // Never rendered as HTML: shown literally.
      return fenced(undefined, token.raw.trim());
    case "hr":
      return "───";
    default:
      return inline(token.raw.trim());
  }
}

/** Converts markdown into Discord blocks (paragraphs, lists, code blocks...), one string each. */
export function toDiscordBlocks(markdown: string): string[] {
  return marked
    .lexer(markdown)
    .map(block)
    .filter((text): text is string => Boolean(text));
}

export function toDiscordMarkdown(markdown: string): string {
  return toDiscordBlocks(markdown).join("\n\n");
}

/** Splits one block longer than `max` by lines; code blocks are closed and reopened at each cut. */
function splitBlock(text: string, max: number): string[] {
  const fence = text.startsWith(FENCE) ? (text.split("\n", 1)[0] ?? FENCE) : undefined;
  const body = fence ? text.slice(fence.length + 1, text.length - FENCE.length - 1) : text;
  const room = fence ? max - fence.length - FENCE.length - 2 : max;
  const pieces: string[] = [];
  let current = "";
  const push = () => {
    if (current) pieces.push(fence ? `${fence}\n${current}\n${FENCE}` : current);
    current = "";
  };
  for (let line of body.split("\n")) {
    while (line.length > room) {
      push();
      pieces.push(fence ? `${fence}\n${line.slice(0, room)}\n${FENCE}` : line.slice(0, room));
      line = line.slice(room);
    }
    const next = current ? `${current}\n${line}` : line;
    if (next.length > room) {
      push();
      current = line;
    } else current = next;
  }
  push();
  return pieces;
}

/** Packs blocks into pieces of at most `max` characters, cutting between blocks where it can. */
export function splitMarkdown(markdown: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const text of toDiscordBlocks(markdown)) {
    const parts = text.length > max ? splitBlock(text, max) : [text];
    for (const part of parts) {
      const next = current ? `${current}\n\n${part}` : part;
      if (next.length > max) {
        if (current) pieces.push(current);
        current = part;
      } else current = next;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Shortens Discord markdown to `max` characters without leaving a code block open. */
export function clipMarkdown(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const closing = `\n${FENCE}`;
  let cut = markdown.slice(0, Math.max(0, max - closing.length - 1)).trimEnd();
  const open = (cut.match(/```/g) ?? []).length % 2 === 1;
  if (!open) cut = markdown.slice(0, max - 1).trimEnd();
  return open ? `${cut}…${closing}` : `${cut}…`;
}
