// string-width 8 (Ink's, and ours) tells an emoji by `/^\p{RGI_Emoji}$/v`: a set of some 3,700 sequences that V8
// takes tens of milliseconds to build and tens more to compile on its first use, the largest single cost of drawing
// the first frame. The bundle builds it only for a grapheme that could be one, so a screen without emoji never
// pays for it. The answers are the same (tests/build/string-width-prefilter.test.ts compares them).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * Every RGI emoji (Unicode Technical Standard #51, ED-27) holds at least one of these: a basic emoji is a code point
 * of Emoji_Presentation or one followed by U+FE0F; a keycap has U+FE0F U+20E3; a flag is two Regional_Indicators;
 * a modifier sequence has an Emoji_Modifier; a tag sequence has tag characters; a ZWJ sequence has U+200D.
 */
export const MAY_BE_RGI_EMOJI =
  /[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u{FE0F}\u{20E3}\u{200D}\u{E0020}-\u{E007F}]/u;

const DECLARATION = "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;";
const USE = "rgiEmojiRegex.test(segment)";

/** string-width's source with the RGI test behind the prefilter and its regex built on first need. */
export function prefilterStringWidth(source, file = "string-width/index.js") {
  if (!source.includes(DECLARATION) || source.split(USE).length !== 2) {
    throw new Error(
      `${file}: string-width changed and its emoji test is not where scripts/string-width-prefilter.mjs expects it; ` +
        "check whether the new version still needs it, then update or remove the plugin.",
    );
  }
  return source
    .replace(
      DECLARATION,
      `const mayBeRgiEmoji = ${MAY_BE_RGI_EMOJI};\nlet rgiEmojiRegexBuilt;\nconst rgiEmojiRegex = () => (rgiEmojiRegexBuilt ??= /^\\p{RGI_Emoji}$/v);`,
    )
    .replace(USE, "(mayBeRgiEmoji.test(segment) && rgiEmojiRegex().test(segment))");
}

/** The esbuild plugin: applies it to string-width 8 wherever the bundle takes it from. */
export const stringWidthPrefilter = {
  name: "string-width-prefilter",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const { version } = JSON.parse(await readFile(join(dirname(args.path), "package.json"), "utf8"));
      // Older majors (wrap-ansi's 7, marked-terminal's 4) have no RGI regex: they stay as they are.
      if (!version.startsWith("8.")) return undefined;
      const source = await readFile(args.path, "utf8");
      return { contents: prefilterStringWidth(source, args.path), loader: "js" };
    });
  },
};
