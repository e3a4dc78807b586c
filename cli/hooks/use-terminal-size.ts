/** The terminal's size, updated when it is resized. */
import { useStdout } from "ink";
import { useEffect, useState } from "react";
import stringWidth from "string-width";

export interface TerminalSize {
  columns: number;
  rows: number;
}

function read(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () => setSize(read(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}

/** Rows a line of text takes when wrapped at `columns` (counted in terminal columns); none for no text. */
export function rowsOf(text: string | undefined, columns: number): number {
  return text ? Math.ceil(stringWidth(text) / columns) : 0;
}

/** The width text is laid out in: the terminal's, less a margin, capped for readable lines. */
export function textWidth(columns: number): number {
  return Math.max(20, Math.min(columns - 2, 100));
}
