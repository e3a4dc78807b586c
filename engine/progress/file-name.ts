/** A learner's file name in the JSON store's learners/ folder: their id, encoded to be safe as a file name. */
export const FILE_SUFFIX = ".json";

export const learnerFileName = (learnerId: string) =>
  `${encodeURIComponent(learnerId).replace(/\./g, "%2E")}${FILE_SUFFIX}`;
