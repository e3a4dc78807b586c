/** The study-activity heatmap: a cell a day, a column a week, darker for more answers. */
import { Box, Text } from "ink";
import { HEAT_GLYPHS, type HeatLevel, heatmapGrid, ROW_LABELS, rowLabel } from "../text/heatmap.js";

const LEVEL_COLORS: Record<HeatLevel, string> = {
  0: "gray",
  1: "#9be9a8",
  2: "#40c463",
  3: "#30a14e",
  4: "#216e39",
};

export function Heatmap({ activity }: { activity: readonly { day: string; count: number }[] }) {
  const grid = heatmapGrid(activity);
  return (
    <Box flexDirection="column">
      <Text dimColor>{grid.monthLine}</Text>
      {grid.rows.map((row, r) => (
        <Text key={ROW_LABELS[r] || `row-${r}`}>
          <Text dimColor>{rowLabel(r)}</Text>
          {row.map((cell, w) => (
            <Text key={cell?.day ?? `empty-${w}`} color={cell ? LEVEL_COLORS[cell.level] : undefined}>
              {cell ? HEAT_GLYPHS[cell.level] : " "}
              {w < row.length - 1 ? " " : ""}
            </Text>
          ))}
        </Text>
      ))}
      <Text dimColor>
        {"    less "}
        {HEAT_GLYPHS.map((g, i) => (
          <Text key={g} color={LEVEL_COLORS[i as HeatLevel]}>
            {g}{" "}
          </Text>
        ))}
        more
      </Text>
    </Box>
  );
}
