/** Markdown rendered for the terminal, as rows; undefined while the renderer loads. */
import { useEffect, useMemo, useState } from "react";
import { loadedMarkdown, loadMarkdown, type MarkdownRenderer } from "../markdown/render.js";

export function useMarkdown(markdown: string, width: number): string[] | undefined {
  const [renderer, setRenderer] = useState<MarkdownRenderer | undefined>(() => loadedMarkdown());
  useEffect(() => {
    if (renderer) return;
    let live = true;
    void loadMarkdown().then((r) => {
      if (live) setRenderer(() => r);
    });
    return () => {
      live = false;
    };
  }, [renderer]);
  return useMemo(() => renderer?.(markdown, width), [renderer, markdown, width]);
}
