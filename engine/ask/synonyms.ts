/** The synonym list that lives with the content (lessons/synonyms.yml): groups of spellings of one idea. */
import { existsSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { readSource } from "../content/read-source.js";
import { yamlData } from "../content/yaml-data.js";
import type { ContentIssue } from "../errors.js";

export type SynonymGroups = string[][];

export async function loadSynonyms(
  path: string,
  file: string,
  issues: ContentIssue[],
): Promise<SynonymGroups> {
  if (!existsSync(path)) return [];
  const lineCounter = new LineCounter();
  const text = await readSource(path, file, issues);
  if (text === undefined) return [];
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  for (const error of doc.errors) {
    issues.push({
      file,
      line: lineCounter.linePos(error.pos[0]).line,
      message: `not valid YAML: ${error.message.split("\n")[0]}`,
    });
  }
  if (doc.errors.length > 0) return [];
  const parsed = yamlData(doc, (offset) => lineCounter.linePos(offset).line, file, issues);
  if (!parsed) return [];
  const data = parsed.data;
  const items = (doc.contents as { items?: { range?: [number, number, number] }[] } | null)?.items ?? [];
  if (!Array.isArray(data)) {
    issues.push({
      file,
      line: 1,
      message: "must be a list of groups, one `- [spelling, spelling, ...]` per line",
    });
    return [];
  }
  const groups: SynonymGroups = [];
  data.forEach((group, i) => {
    const line = items[i]?.range ? lineCounter.linePos(items[i].range[0]).line : 1;
    if (!Array.isArray(group) || group.length < 2 || !group.every((s) => typeof s === "string" && s.trim())) {
      issues.push({
        file,
        line,
        message: "each group is a list of at least two spellings, like `- [fsync, fdatasync]`",
      });
      return;
    }
    groups.push(group.map(String));
  });
  return groups;
}
