/** A screen: a title line, the body, and the keys. The width follows the terminal. */
import { Box, Text, useStdout } from "ink";
import type { ReactNode } from "react";
import { KeyHelp, type Keys } from "./key-help.js";

export interface FrameProps {
  title: string;
  /** Shown at the right of the title, which is shortened to make room. */
  aside?: ReactNode;
  keys: Keys;
  /** A line above the keys: a refusal or a notice. */
  status?: string;
  children?: ReactNode;
}

export function Frame({ title, aside, keys, status, children }: FrameProps) {
  const { stdout } = useStdout();
  // No width of its own: Ink lays the root out at the terminal's width, and on a resize it does so at once,
  // before the screens re-render with the new size (a width from the last render drew one frame too wide, and
  // its remains stayed on screen). Only a terminal that reports no width gets the 80 columns the screens assume.
  return (
    <Box flexDirection="column" {...(stdout.columns ? {} : { width: 80 })}>
      <Box>
        <Box flexShrink={1}>
          <Text bold color="cyan" wrap="truncate-end">
            {title}
          </Text>
        </Box>
        {aside ? (
          <Box flexShrink={0} marginLeft={2}>
            {aside}
          </Box>
        ) : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {children}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {status ? (
          <Text color="yellow" wrap="wrap">
            {status}
          </Text>
        ) : null}
        <KeyHelp keys={keys} />
      </Box>
    </Box>
  );
}
