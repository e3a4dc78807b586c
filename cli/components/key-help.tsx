/** The line of keys at the bottom of a screen: "↑↓ move · enter open · q quit". */
import { Text } from "ink";

export type Keys = readonly (readonly [key: string, action: string])[];

/**
 * The same on every screen: esc goes back (to home), q leaves the app wherever no text is being typed. Every answer
 * is saved the moment it is given, so quitting loses nothing; the footer says so.
 */
export const HOME_KEY = ["esc", "home"] as const;
export const QUIT_KEY = ["q", "quit (all saved)"] as const;

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
