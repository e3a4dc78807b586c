// Imported first by the bin: NO_COLOR (https://no-color.org) turns colour off before chalk decides its level.
// chalk reads FORCE_COLOR when it loads, so this must run before ink, @inkjs/ui or marked-terminal load.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = "0";

export const noColor = Boolean(process.env.NO_COLOR);
