/** Markdown rendered for the terminal, as rows; undefined while the renderer loads. */
import { useEffect, useMemo, useState } from "react";
import { loadedMarkdown, loadMarkdown, type MarkdownRenderer, stripMarks } from "../markdown/render.js";

export function useMarkdown(markdown: string, width: number): string[] | undefined {
  const renderer = useRenderer();
  return useMemo(() => renderer?.(markdown, width), [renderer, markdown, width]);
}

/**
 * Inline markdown (option texts, feedback, hints) as the terminal shows it: styled once the renderer has
 * loaded, and with its marks stripped until then, so `code` or **bold** never shows its marks.
 */
export function useInlineMarkdown(): (text: string) => string {
  const renderer = useRenderer();
  return renderer ? renderer.inline : stripMarks;
}

function useRenderer(): MarkdownRenderer | undefined {
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
  return renderer;
}
