// The bundle's string-width (scripts/string-width-prefilter.mjs) builds its RGI emoji regex only for a grapheme
// that could be an emoji. It must measure every string as string-width itself does: compared here on every code
// point alone and followed by each variation selector, on every kind of RGI emoji sequence, and on the lessons.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import * as plugin from "../../scripts/string-width-prefilter.mjs";

const { MAY_BE_RGI_EMOJI, prefilterStringWidth, stringWidthPrefilter } = plugin as {
  MAY_BE_RGI_EMOJI: RegExp;
  prefilterStringWidth: (source: string, file?: string) => string;
  stringWidthPrefilter: import("esbuild").Plugin;
};
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
let prefiltered: Width;

beforeAll(async () => {
  // Bundled as scripts/build.mjs bundles it, with the plugin, then loaded like any module.
  const out = await build({
    entryPoints: [join(root, "node_modules/string-width/index.js")],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    plugins: [stringWidthPrefilter],
    logLevel: "silent",
  });
  const code = out.outputFiles[0]?.text ?? "";
  expect(code).toContain("mayBeRgiEmoji");
  const dir = mkdtempSync(join(tmpdir(), "tutor-string-width-"));
  try {
    const file = join(dir, "string-width.mjs");
    writeFileSync(file, code);
    prefiltered = (await import(pathToFileURL(file).href)).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The strings whose widths differ, with both widths: empty when they agree. */
function differences(texts: Iterable<string>, both = true): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const ambiguousIsNarrow of both ? [true, false] : [true]) {
      const want = stringWidth(text, { ambiguousIsNarrow });
      const got = prefiltered(text, { ambiguousIsNarrow });
      if (want !== got) found.push(`${JSON.stringify(text)} narrow=${ambiguousIsNarrow}: ${want} vs ${got}`);
    }
  }
  return found.slice(0, 20);
}

function* codePoints(from: number, to: number, after = ""): Generator<string> {
  for (let cp = from; cp <= to; cp++) yield String.fromCodePoint(cp) + after;
}

// string-width's own test for an RGI emoji.
// biome-ignore lint/complexity/useRegexLiterals: tsc rejects the v flag in a literal at target ES2022
const RGI = new RegExp("^\\p{RGI_Emoji}$", "v");
const EMOJI = /\p{Emoji}/u;

describe("string-width with the emoji prefilter", () => {
  it("lets through every code point that is an RGI emoji alone", () => {
    const missed = [...codePoints(0, 0x10ffff)].filter((c) => RGI.test(c) && !MAY_BE_RGI_EMOJI.test(c));
    expect(missed).toEqual([]);
  });

  it("measures every code point of the planes in use alone as string-width does", () => {
    // The Basic Multilingual Plane, the emoji blocks of plane 1, and the tags and variation selectors of plane 14
    // (the East Asian option only changes eastAsianWidth, which the prefilter does not touch: checked at its
    // default).
    expect(differences(codePoints(0, 0xffff), false)).toEqual([]);
    expect(differences(codePoints(0x1f000, 0x1ffff), false)).toEqual([]);
    expect(differences(codePoints(0xe0000, 0xe01ef), false)).toEqual([]);
  });

  it("measures every emoji code point with each variation selector, a modifier and a keycap mark as it does", () => {
    const emoji = [...codePoints(0, 0x1ffff)].filter((c) => EMOJI.test(c));
    expect(emoji.length).toBeGreaterThan(1000);
    const tails = ["\u{FE0F}", "\u{FE0E}", "\u{1F3FD}", "\u{20E3}", "\u{FE0F}\u{20E3}", "\u{200D}"];
    expect(differences(emoji.flatMap((c) => tails.map((t) => c + t)))).toEqual([]);
  });

  it("measures flags, keycaps, skin tones, tag sequences and ZWJ sequences as it does", () => {
    const letters = [...codePoints(0x1f1e6, 0x1f1ff)];
    const flags = letters.flatMap((a) => letters.map((b) => a + b));
    const keycaps = [..."0123456789#*"].flatMap((k) => [`${k}\u{FE0F}\u{20E3}`, `${k}\u{20E3}`]);
    const bases = [...codePoints(0x261d, 0x1faff)].filter((c) => /\p{Emoji_Modifier_Base}/u.test(c));
    const toned = bases.flatMap((b) => [...codePoints(0x1f3fb, 0x1f3ff)].map((m) => b + m));
    const tags = ["gbeng", "gbsct", "gbwls", "usca"].map(
      (region) =>
        `\u{1F3F4}${[...region].map((ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join("")}\u{E007F}`,
    );
    const zwj = [
      "👨‍👩‍👧‍👦",
      "🏳️‍🌈",
      "🏴‍☠️",
      "👩🏽‍💻",
      "🧑‍🤝‍🧑",
      "❤️‍🔥",
      "👁️‍🗨️",
      "🐻‍❄️",
      "👨‍🦰",
      "🫱🏻‍🫲🏿",
      "a\u{200D}b",
      "✓\u{200D}✓",
    ];
    const sequences = [...flags, ...keycaps, ...toned, ...tags, ...zwj];
    // The cases include many that the RGI regex matches, so the prefilter is truly exercised.
    expect(sequences.filter((s) => RGI.test(s)).length).toBeGreaterThan(900);
    expect(differences(sequences)).toEqual([]);
    expect(differences(sequences.map((s) => `· ${s} ▶ ${s}${s} …`))).toEqual([]);
  });

  it("measures every line of the bundled lessons and quizzes as it does", () => {
    const lines = ["lessons", "quizzes"].flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((name) => name.endsWith(".md"))
        .flatMap((name) => readFileSync(join(root, folder, name), "utf8").split("\n")),
    );
    expect(lines.length).toBeGreaterThan(1000);
    expect(differences(lines)).toEqual([]);
  });

  it("refuses to build when string-width's emoji test is not where it expects it", () => {
    expect(() => prefilterStringWidth("export default () => 0;", "x/string-width/index.js")).toThrow(
      /x\/string-width\/index\.js: string-width changed/,
    );
  });
});
