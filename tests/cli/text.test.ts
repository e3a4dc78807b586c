// The terminal's pure pieces: suggestions, stage bars, the heatmap grid, dates in words, and the state
// reducers behind the inputs (choice, order, editor, pager).
import { describe, expect, it } from "vitest";
import { choiceReducer, initialChoice } from "../../cli/hooks/use-choice-state.js";
import {
  type EditorAction,
  editorReducer,
  editorText,
  emptyEditor,
} from "../../cli/hooks/use-editor-state.js";
import { initialOrder, orderReducer } from "../../cli/hooks/use-order-state.js";
import { pageInfo, pagerReducer } from "../../cli/hooks/use-pager-state.js";
import { dayLabel, dueInWords, parseDay } from "../../cli/text/dates.js";
import { heatLevel, heatmapGrid, heatmapLines } from "../../cli/text/heatmap.js";
import { dueTable, neededText } from "../../cli/text/reports.js";
import { stageBar } from "../../cli/text/stage-bar.js";
import { closest, type StageProgress } from "../../engine/index.js";

describe("closest command", () => {
  it("suggests a near name and nothing for a far one", () => {
    const names = ["learn", "quiz", "review", "progress", "lessons", "journal", "check"];
    expect(closest("lesons", names)).toBe("lessons");
    expect(closest("reveiw", names)).toBe("review");
    expect(closest("qiuz", names)).toBe("quiz");
    expect(closest("deploy", names)).toBeUndefined();
  });
});

describe("stage bar", () => {
  it("draws one glyph a stage by status", () => {
    const stage = (n: number, status: StageProgress["status"]) => ({ stage: n, status }) as StageProgress;
    expect(
      stageBar([stage(1, "passed"), stage(2, "passed"), stage(3, "available"), stage(4, "locked")]),
    ).toBe("■■□·");
  });
});

describe("heatmap", () => {
  const days = (from: string, counts: number[]) => {
    const start = Date.parse(`${from}T00:00:00Z`);
    return counts.map((count, i) => ({
      day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      count,
    }));
  };

  it("places each day in its weekday row and week column, Monday on top", () => {
    // 2025-11-05 is a Wednesday: the first week has no Monday or Tuesday.
    const grid = heatmapGrid(days("2025-11-05", [1, 0, 0, 0, 0, 0, 12, 4]));
    expect(grid.rows).toHaveLength(7);
    expect(grid.rows[0]?.[0]).toBeNull();
    expect(grid.rows[2]?.[0]).toMatchObject({ day: "2025-11-05", count: 1, level: 1 });
    expect(grid.rows[1]?.[1]).toMatchObject({ day: "2025-11-11", count: 12, level: 4 });
    expect(grid.rows[2]?.[1]).toMatchObject({ day: "2025-11-12", count: 4, level: 2 });
    expect(grid.monthLine.trim()).toBe("Nov");
  });

  it("shades by count and prints a legend", () => {
    expect([0, 1, 2, 3, 5, 6, 9, 10, 50].map(heatLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    const lines = heatmapLines(days("2025-10-27", Array(14).fill(0)));
    expect(lines[1]).toBe("Mon · ·");
    expect(lines.at(-1)).toContain("less · ░ ▒ ▓ █ more");
  });
});

describe("dates", () => {
  const now = new Date(2025, 10, 26, 12, 0);
  it("says when a review falls due in words", () => {
    expect(dueInWords(new Date(2025, 10, 26, 11, 0), now)).toBe("now");
    expect(dueInWords(new Date(2025, 10, 26, 18, 5), now)).toBe("later today (18:05)");
    expect(dueInWords(new Date(2025, 10, 27, 9, 0), now)).toBe("tomorrow (Thu 27 Nov)");
    expect(dueInWords(new Date(2025, 11, 1, 9, 0), now)).toBe("in 5 days (Mon 1 Dec)");
  });

  it("reads study days as calendar dates and labels the coming days", () => {
    expect(parseDay("2025-11-26")).toEqual({ weekday: 2, month: 10, date: 26 });
    expect(dayLabel("2025-11-26", 0)).toBe("today");
    expect(dayLabel("2025-11-27", 1)).toBe("Thu");
    const [head, counts] = dueTable([
      { day: "2025-11-26", count: 3 },
      { day: "2025-11-27", count: 12 },
    ]);
    expect(head).toBe("today  Thu");
    expect(counts).toBe("    3   12");
  });
});

describe("choice state", () => {
  it("single choice: nothing is chosen at first; then the highlighted option is the chosen one, number keys jump", () => {
    const reduce = choiceReducer(3, false);
    let s = initialChoice(false);
    expect(s).toEqual({ cursor: -1, selected: [] });
    expect(reduce(s, { type: "toggle" })).toBe(s);
    expect(reduce(s, { type: "up" })).toEqual({ cursor: 2, selected: [2] });
    s = reduce(s, { type: "down" });
    expect(s).toEqual({ cursor: 0, selected: [0] });
    s = reduce(s, { type: "down" });
    expect(s).toEqual({ cursor: 1, selected: [1] });
    s = reduce(s, { type: "up" });
    s = reduce(s, { type: "up" });
    expect(s).toEqual({ cursor: 2, selected: [2] });
    expect(reduce(s, { type: "pick", index: 0 })).toEqual({ cursor: 0, selected: [0] });
    expect(reduce(s, { type: "pick", index: 7 })).toBe(s);
  });

  it("multiple choice: space and number keys toggle, the set stays sorted", () => {
    const reduce = choiceReducer(4, true);
    let s = initialChoice(true);
    expect(s.selected).toEqual([]);
    s = reduce(s, { type: "pick", index: 3 });
    s = reduce(s, { type: "pick", index: 1 });
    expect(s.selected).toEqual([1, 3]);
    // The cursor follows the last number key; moving it chooses nothing.
    expect(reduce(initialChoice(true), { type: "down" })).toEqual({ cursor: 0, selected: [] });
    s = reduce(s, { type: "down" });
    expect(s).toEqual({ cursor: 2, selected: [1, 3] });
    s = reduce(s, { type: "toggle" });
    expect(s.selected).toEqual([1, 2, 3]);
    s = reduce(reduce(s, { type: "down" }), { type: "toggle" });
    expect(s.selected).toEqual([1, 2]);
  });
});

describe("order state", () => {
  it("moves the cursor, and carries a picked-up item with it", () => {
    let s = initialOrder([2, 0, 1]);
    s = orderReducer(s, { type: "down" });
    s = orderReducer(s, { type: "grab" });
    s = orderReducer(s, { type: "up" });
    expect(s).toEqual({ order: [0, 2, 1], cursor: 0, held: true });
    // Past the top nothing moves.
    expect(orderReducer(s, { type: "up" })).toBe(s);
    s = orderReducer(s, { type: "grab" });
    s = orderReducer(s, { type: "down" });
    expect(s).toEqual({ order: [0, 2, 1], cursor: 1, held: false });
  });
});

describe("editor state", () => {
  const run = (...actions: EditorAction[]) => actions.reduce(editorReducer, emptyEditor);

  it("types, breaks lines, deletes across a line break and moves the cursor", () => {
    let s = run({ type: "insert", text: "helo" }, { type: "left" }, { type: "insert", text: "l" });
    expect(editorText(s)).toBe("hello");
    const more: EditorAction[] = [{ type: "end" }, { type: "newline" }, { type: "insert", text: "world" }];
    s = more.reduce(editorReducer, s);
    expect(s.lines).toEqual(["hello", "world"]);
    const join: EditorAction[] = [{ type: "home" }, { type: "backspace" }];
    s = join.reduce(editorReducer, s);
    expect(s).toEqual({ lines: ["helloworld"], row: 0, col: 5 });
    s = editorReducer(s, { type: "down" });
    expect(s.col).toBe(10);
  });

  it("keeps the line breaks of pasted text and drops control characters", () => {
    const s = run({ type: "insert", text: "one\r\ntwo\u0007\rthree" });
    expect(s.lines).toEqual(["one", "two", "three"]);
    expect([s.row, s.col]).toEqual([2, 5]);
  });

  it("counts characters, not UTF-16 units", () => {
    const s = run({ type: "insert", text: "ü🙂x" }, { type: "left" }, { type: "backspace" });
    expect(editorText(s)).toBe("üx");
  });
});

describe("pager", () => {
  it("scrolls by lines and pages within bounds", () => {
    const reduce = pagerReducer(50, 10);
    expect(reduce(0, { type: "line", delta: -1 })).toBe(0);
    expect(reduce(0, { type: "page", delta: 1 })).toBe(9);
    expect(reduce(45, { type: "page", delta: 1 })).toBe(40);
    expect(reduce(12, { type: "bottom" })).toBe(40);
    expect(pageInfo(40, 50, 10)).toEqual({ from: 41, to: 50, atEnd: true });
    expect(pageInfo(0, 50, 10)).toEqual({ from: 1, to: 10, atEnd: false });
  });
});

describe("neededText", () => {
  it("says the engine's count of right answers needed", () => {
    expect(neededText({ needed: 4, total: 5 })).toBe("it passes with 4 of 5 right in one attempt");
  });
});
