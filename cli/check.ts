// `npm run check`: the content check for authors. Exits 1 with one `file:line: message` per problem.
import { checkContent, defaultContentDir, formatIssue } from "../engine/index.js";

const paths = process.argv.slice(2);
const result = await checkContent(defaultContentDir(), paths);
if (result.issues.length > 0) {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(`${result.issues.length} problem${result.issues.length === 1 ? "" : "s"} found.`);
  process.exit(1);
}
console.log(`Content OK: ${result.summary}.`);
