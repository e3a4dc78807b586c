/** A screen: a title line, the body, and the keys. The width follows the terminal. */
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useTerminalSize } from "../hooks/use-terminal-size.js";
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
  const { columns } = useTerminalSize();
  return (
    <Box flexDirection="column" width={columns}>
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
