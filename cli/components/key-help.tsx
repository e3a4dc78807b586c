/** The line of keys at the bottom of a screen: "↑↓ move · enter open · q quit". */
import { Text } from "ink";

export type Keys = readonly (readonly [key: string, action: string])[];

export function keysText(keys: Keys): string {
  return keys.map(([key, action]) => `${key} ${action}`).join(" · ");
}

export function KeyHelp({ keys }: { keys: Keys }) {
  return (
    <Text dimColor wrap="wrap">
      {keysText(keys)}
    </Text>
  );
}
