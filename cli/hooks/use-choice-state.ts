/** Pure state for choosing options: a cursor, and the chosen set (one option for single choice). */

export interface ChoiceState {
  /** -1 until the learner moves or picks. */
  cursor: number;
  selected: number[];
}

export type ChoiceAction =
  | { type: "up" }
  | { type: "down" }
  /** A number key: 0-based option index. */
  | { type: "pick"; index: number }
  | { type: "toggle" };

export function choiceReducer(count: number, multiple: boolean) {
  return (state: ChoiceState, action: ChoiceAction): ChoiceState => {
    switch (action.type) {
      case "up": {
        // From no cursor (nothing chosen yet), up goes to the last option.
        const to = state.cursor < 0 ? count - 1 : (state.cursor - 1 + count) % count;
        return { ...state, cursor: to, ...follow(multiple, to, count) };
      }
      case "down":
        return { ...state, cursor: (state.cursor + 1) % count, ...follow(multiple, state.cursor + 1, count) };
      case "pick":
        if (action.index < 0 || action.index >= count) return state;
        return multiple
          ? { cursor: action.index, selected: toggled(state.selected, action.index) }
          : { cursor: action.index, selected: [action.index] };
      case "toggle":
        if (state.cursor < 0) return state;
        return multiple
          ? { ...state, selected: toggled(state.selected, state.cursor) }
          : { ...state, selected: [state.cursor] };
    }
  };
}

/** In single choice the highlighted option is the chosen one, once the learner has moved: nothing is preselected. */
function follow(multiple: boolean, cursor: number, count: number): Partial<ChoiceState> {
  return multiple ? {} : { selected: [(cursor + count) % count] };
}

function toggled(selected: number[], index: number): number[] {
  return selected.includes(index)
    ? selected.filter((i) => i !== index)
    : [...selected, index].sort((a, b) => a - b);
}

/** Nothing chosen and no cursor: enter alone answers nothing (the learner is asked to choose). */
export function initialChoice(_multiple: boolean): ChoiceState {
  return { cursor: -1, selected: [] };
}
