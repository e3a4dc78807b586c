/** The first frame of the home screen, drawn while the engine reads the lessons. Needs nothing from the engine. */
import { Text } from "ink";
import { Frame } from "./frame.js";

export function Opening() {
  return (
    <Frame title="Six stages tutor" keys={[["ctrl+c", "quit"]]}>
      <Text dimColor>Loading the lessons…</Text>
    </Frame>
  );
}
