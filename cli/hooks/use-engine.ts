/** Loads something from the engine for a screen; real failures go to the app's error screen. */
import { type DependencyList, useEffect, useRef, useState } from "react";
import { useTutor } from "../context.js";

export function useEngine<T>(load: () => Promise<T>, deps: DependencyList): T | undefined {
  const { fail } = useTutor();
  // A new generation whenever the dependencies change, so the effect below has one plain dependency.
  const generation = useRef({ deps, n: 0 });
  if (!sameDeps(generation.current.deps, deps)) generation.current = { deps, n: generation.current.n + 1 };
  const n = generation.current.n;
  const [value, setValue] = useState<{ n: number; data: T }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is new each render; `n` names what it depends on
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setValue({ n, data });
      },
      (error: unknown) => {
        if (live) fail(error);
      },
    );
    return () => {
      live = false;
    };
  }, [n, fail]);
  // A value loaded for other dependencies is stale: show nothing rather than the wrong thing.
  return value?.n === n ? value.data : undefined;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
