/**
 * useReducer for state that keys change, where a later key acts on it (enter answers, ctrl+d hands in): keys
 * typed faster than a render (2, 1, enter in one burst; a paste and ctrl+d) each see the state the key before
 * made. `latest()` is that state, before React has rendered it.
 */
import { useRef, useState } from "react";

export function useKeyReducer<S, A>(reducer: (state: S, action: A) => S, initial: () => S) {
  const [state, setState] = useState(initial);
  const latest = useRef(state);
  const dispatch = (action: A) => {
    latest.current = reducer(latest.current, action);
    setState(latest.current);
  };
  return [state, dispatch, () => latest.current] as const;
}
