/** Pure state for arranging items: the learner's order, a cursor, and whether the item under it is held. */

export interface OrderState {
  /** Indices into the question's items, in the learner's order. */
  order: number[];
  cursor: number;
  held: boolean;
}

export type OrderAction = { type: "up" } | { type: "down" } | { type: "grab" } | { type: "drop" };

export function orderReducer(state: OrderState, action: OrderAction): OrderState {
  const last = state.order.length - 1;
  switch (action.type) {
    case "up":
    case "down": {
      const target = action.type === "up" ? state.cursor - 1 : state.cursor + 1;
      if (target < 0 || target > last) return state;
      if (!state.held) return { ...state, cursor: target };
      const order = [...state.order];
      [order[state.cursor], order[target]] = [order[target] as number, order[state.cursor] as number];
      return { ...state, order, cursor: target };
    }
    case "grab":
      return { ...state, held: !state.held };
    case "drop":
      return { ...state, held: false };
  }
}

export function initialOrder(shuffled: readonly number[]): OrderState {
  return { order: [...shuffled], cursor: 0, held: false };
}
