/** Pure state for a text editor: lines of text and a cursor (row, column in characters). */
import { terminalText } from "../terminal-text.js";

export interface EditorState {
  lines: string[];
  row: number;
  col: number;
}

export type EditorAction =
  | { type: "insert"; text: string }
  | { type: "newline" }
  | { type: "backspace" }
  | { type: "left" }
  | { type: "right" }
  | { type: "up" }
  | { type: "down" }
  | { type: "home" }
  | { type: "end" };

export const emptyEditor: EditorState = { lines: [""], row: 0, col: 0 };

const chars = (s: string) => Array.from(s);

export function editorText(state: EditorState): string {
  return state.lines.join("\n");
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const line = chars(state.lines[state.row] ?? "");
  switch (action.type) {
    case "insert": {
      // Pasted text may carry line breaks (terminals send \r for them) and control characters.
      const clean = terminalText(action.text)
        .split("\n")
        .map((p) => p.replace(/\t/g, "  "));
      const before = line.slice(0, state.col).join("");
      const after = line.slice(state.col).join("");
      if (clean.length === 1) {
        const text = clean[0] as string;
        return replaceRow(state, [before + text + after], state.row, state.col + chars(text).length);
      }
      const first = before + (clean[0] as string);
      const lastPiece = clean[clean.length - 1] as string;
      const middle = clean.slice(1, -1);
      const rows = [first, ...middle, lastPiece + after];
      return replaceRow(state, rows, state.row + rows.length - 1, chars(lastPiece).length);
    }
    case "newline": {
      const rows = [line.slice(0, state.col).join(""), line.slice(state.col).join("")];
      return replaceRow(state, rows, state.row + 1, 0);
    }
    case "backspace": {
      if (state.col > 0) {
        const text = [...line.slice(0, state.col - 1), ...line.slice(state.col)].join("");
        return replaceRow(state, [text], state.row, state.col - 1);
      }
      if (state.row === 0) return state;
      const above = state.lines[state.row - 1] ?? "";
      const lines = [...state.lines];
      lines.splice(state.row - 1, 2, above + line.join(""));
      return { lines, row: state.row - 1, col: chars(above).length };
    }
    case "left":
      if (state.col > 0) return { ...state, col: state.col - 1 };
      if (state.row > 0)
        return { ...state, row: state.row - 1, col: chars(state.lines[state.row - 1] ?? "").length };
      return state;
    case "right":
      if (state.col < line.length) return { ...state, col: state.col + 1 };
      if (state.row < state.lines.length - 1) return { ...state, row: state.row + 1, col: 0 };
      return state;
    case "up":
      if (state.row === 0) return { ...state, col: 0 };
      return {
        ...state,
        row: state.row - 1,
        col: Math.min(state.col, chars(state.lines[state.row - 1] ?? "").length),
      };
    case "down":
      if (state.row === state.lines.length - 1) return { ...state, col: line.length };
      return {
        ...state,
        row: state.row + 1,
        col: Math.min(state.col, chars(state.lines[state.row + 1] ?? "").length),
      };
    case "home":
      return { ...state, col: 0 };
    case "end":
      return { ...state, col: line.length };
  }
}

function replaceRow(state: EditorState, rows: string[], row: number, col: number): EditorState {
  const lines = [...state.lines];
  lines.splice(state.row, 1, ...rows);
  return { lines, row, col };
}
