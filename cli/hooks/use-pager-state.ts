/** Pure state for paging through rendered lines: the first line shown, kept within bounds. */

export type PagerAction =
  | { type: "line"; delta: number }
  | { type: "page"; delta: number }
  | { type: "top" }
  | { type: "bottom" };

export function pagerReducer(total: number, pageSize: number) {
  const maxTop = Math.max(0, total - pageSize);
  return (top: number, action: PagerAction): number => {
    const clamp = (n: number) => Math.min(Math.max(0, n), maxTop);
    switch (action.type) {
      case "line":
        return clamp(top + action.delta);
      case "page":
        return clamp(top + action.delta * Math.max(1, pageSize - 1));
      case "top":
        return 0;
      case "bottom":
        return maxTop;
    }
  };
}

export function pageInfo(
  top: number,
  total: number,
  pageSize: number,
): { from: number; to: number; atEnd: boolean } {
  const to = Math.min(total, top + pageSize);
  return { from: total === 0 ? 0 : top + 1, to, atEnd: to >= total };
}
