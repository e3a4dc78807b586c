/**
 * A view taller than the terminal, scrolled with ↑↓ (and page keys): Ink redraws whole frames, so anything
 * past the bottom row would otherwise be out of reach. Content shorter than `height` is shown as it is.
 */
import { Box, type DOMElement, measureElement, Text, useInput } from "ink";
import { type ReactNode, useEffect, useRef, useState } from "react";

export function Scroll({ height, children }: { height: number; children: ReactNode }) {
  const content = useRef<DOMElement>(null);
  const [total, setTotal] = useState(0);
  const [top, setTop] = useState(0);
  // Measured after every layout: the content changes height as the terminal is resized.
  useEffect(() => {
    if (!content.current) return;
    const measured = measureElement(content.current).height;
    if (measured !== total) setTotal(measured);
  });
  const fits = total <= height;
  const view = fits ? total : Math.max(1, height - 1);
  const maxTop = Math.max(0, total - view);
  const first = Math.min(top, maxTop);

  useInput(
    (input, key) => {
      const page = Math.max(1, view - 1);
      if (key.downArrow || input === "j") setTop(Math.min(maxTop, first + 1));
      else if (key.upArrow || input === "k") setTop(Math.max(0, first - 1));
      else if (key.pageDown || input === "f") setTop(Math.min(maxTop, first + page));
      else if (key.pageUp || input === "b") setTop(Math.max(0, first - page));
      else if (key.home || input === "g") setTop(0);
      else if (key.end || input === "G") setTop(maxTop);
    },
    { isActive: !fits },
  );

  return (
    <Box flexDirection="column">
      <Box flexDirection="column" height={fits ? undefined : view} overflow="hidden">
        <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-first}>
          {children}
        </Box>
      </Box>
      {fits ? null : (
        <Text dimColor>
          {first + view >= total ? "end" : `↓ more (${total - first - view} rows)`} · ↑↓ scroll
        </Text>
      )}
    </Box>
  );
}
