/**
 * Limits on content, so that no file, however malformed, can crash or stall the check, the terminal app
 * or the bot. Each is far above what a real lesson needs (the largest bundled file is about 20 KB, the
 * largest quiz 21 questions, the longest option 178 characters); docs/authoring.md lists them.
 */

/** Bytes in one lesson, quiz or synonym file: checked before the file is read. */
export const MAX_FILE_BYTES = 512 * 1024;

/** Questions in one quiz file. */
export const MAX_QUESTIONS = 200;

/** Options of a choice question, items of an order question: Discord shows no more than 25 in a menu. */
export const MAX_OPTIONS = 25;

/**
 * Objectives a stage declares: an attempt draws 5 questions, so it can cover at most 5. Two at least: a
 * stage that teaches one thing needs no list.
 */
export const OBJECTIVES_PER_STAGE = { min: 2, max: 5 } as const;

/** Characters in one option, order item, accepted answer, key point, phrasing or objective. */
export const MAX_AUTHORED_TEXT = 500;

/** Aliases (`*name`) a YAML document may expand (yaml's maxAliasCount): front matter needs none. */
export const MAX_YAML_ALIASES = 20;

/** Blockquote and list markers that open on one line (`> > - >`): marked recurses once per level. */
export const MAX_NESTING = 32;

/** Columns of indentation before a line's text (a tab counts 4). */
export const MAX_INDENT = 128;

/** Problems of one kind reported per file before the rest are counted in one last message. */
export const MAX_REPEATS = 20;
