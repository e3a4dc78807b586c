// /progress attaches a PNG drawn from SVG by resvg with the bundled font, with the same figures as text.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { progressAltText, progressPng, progressSvg } from "../../bot/render/progress-image.js";
import type { ProgressSummary } from "../../engine/index.js";
import { passStages } from "./answers.js";
import type { RecordedRequest } from "./fake-discord.js";
import { type Harness, startHarness } from "./harness.js";
import { ALICE, slash } from "./payloads.js";

let h: Harness;
let now: Date;
beforeEach(async () => {
  now = new Date("2025-03-10T12:00:00Z");
  h = await startHarness({ now: () => now });
});
afterEach(async () => {
  await h.dispose();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function edit(requests: RecordedRequest[]): RecordedRequest {
  const found = requests.find((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
  if (!found) throw new Error("no edit of the original response");
  return found;
}

describe("/progress picture", () => {
  it("attaches a PNG of the stage bars and the 12-week heatmap, shown in the card, with its figures as alt text", async () => {
    await passStages(h.tutor, `discord:${ALICE}`, "pipe-buffers", [1]);
    const sent = edit(await h.send(slash("progress")));
    const file = sent.files?.[0];
    expect(file?.filename).toBe("progress.png");
    expect(file?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(file?.data as Buffer).width).toBe(720);
    const body = sent.body as {
      embeds: { image?: { url: string } }[];
      attachments: { id: string | number; description?: string; filename: string }[];
    };
    expect(body.embeds[0]?.image?.url).toBe("attachment://progress.png");
    const alt = body.attachments[0]?.description ?? "";
    expect(alt).toContain("1 of 12 stages passed");
    expect(alt).toContain("Pipe buffers 1/6");
    expect(alt).toContain("Heatmap of the last 12 weeks: 2 answers on 1 of 84 days, most on 2025-03-10 (2)");
  });

  it("draws text from the bundled font: a longer title makes a different picture", async () => {
    const summary = await h.tutor.progress(`discord:${ALICE}`);
    const a = await progressPng(summary, "A");
    const b = await progressPng(summary, "A much longer name");
    expect(a && b).toBeTruthy();
    expect(a?.equals(b as Buffer)).toBe(false);
    expect(pngSize(a as Buffer)).toEqual(pngSize(b as Buffer));
  });

  it("escapes what members and authors wrote, and keeps the alt text within Discord's 1,024 characters", async () => {
    const summary = await h.tutor.progress(`discord:${ALICE}`);
    const svg = progressSvg(summary, `<script>&"'`);
    expect(svg).toContain("Progress of &lt;script&gt;&amp;&quot;&apos;");
    expect(svg).not.toContain("<script>");
    const [lesson] = summary.lessons;
    if (!lesson) throw new Error("fixture lessons");
    const many: ProgressSummary = {
      ...summary,
      lessons: Array.from({ length: 200 }, (_, i) => ({
        ...lesson,
        id: `l${i}`,
        title: `Lesson ${i} `.repeat(8),
        passedStages: 3,
      })),
    };
    expect(progressAltText(many).length).toBeLessThanOrEqual(1024);
    expect(progressAltText(many)).toMatch(/Heatmap of the last 12 weeks/);
    const png = await progressPng(many, "Many");
    // 40 lessons drawn and a line for the rest: the picture stays a readable size.
    expect(pngSize(png as Buffer).height).toBeLessThan(1600);
  });
});
