import type { Field } from "@/lib/plan-document/schema";
import { toField } from "@/lib/import/field-line";

export interface FrontMatter {
  /** The text with the front matter lines blanked (line numbers stay true). */
  text: string;
  fields: Field[];
}

/**
 * YAML front matter ("---\nversion: 1.2\n---") is not Markdown: a parser would read it as a
 * rule and a heading. Simple `key: value` lines become metadata fields; any other line is
 * kept as an extra field under "front matter" so nothing is lost.
 */
export function extractFrontMatter(text: string): FrontMatter {
  if (!text.startsWith("---\n")) return { text, fields: [] };
  const lines = text.split("\n");
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end === -1 || end > 100) return { text, fields: [] };
  const body = lines.slice(1, end);
  // Front matter is YAML through and through; a rule followed by Markdown is just a rule.
  const yamlLine = /^(?:[A-Za-z][\w -]*:(?:\s.*)?|\s+\S.*|-\s.*|#.*|\s*)$/;
  if (!body.some((line) => /^[A-Za-z][\w -]*:\s/.test(line)) || !body.every((line) => yamlLine.test(line))) return { text, fields: [] };
  const fields: Field[] = [];
  for (const line of body) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const match = /^([A-Za-z][\w -]*):\s*(.*)$/.exec(line);
    if (match?.[1]) fields.push(toField(match[1].trim(), (match[2] ?? "").trim().replace(/^(["'])(.*)\1$/, "$2")));
    else fields.push({ key: "front matter", value: line.trim() });
  }
  const blanked = [...lines.slice(0, end + 1).map(() => ""), ...lines.slice(end + 1)].join("\n");
  return { text: blanked, fields };
}
