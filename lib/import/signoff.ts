import type { GateRole } from "@/lib/plan-document/schema";
import { looksLikeRole } from "@/lib/import/heading-context";
import { stripBold } from "@/lib/import/field-line";
import { isBlank, stripBlanks } from "@/lib/import/placeholders";
import { skipWhiteSpace } from "@/lib/import/linear-scan";

/**
 * Sign-off lines: "Tech Lead: _____ Date: _____", "[x] QA Lead: Jane Roe Date: 2026-01-10",
 * "Product Owner (optional): ____". A line is a role when what follows the colon is a blank
 * or a name, or when the part before the colon reads as a role ("… Lead", "CTO").
 */
export function parseRoleLine(text: string, checked: boolean): GateRole | undefined {
  let plain = stripBold(text).trim();
  const required = !/\(\s*optional\s*\)/i.test(plain);
  plain = plain.replace(/(?<!\s)\s*\(\s*optional\s*\)/i, "");
  const match = /^([^:]{2,60}?)\s*:\s*(.*)$/.exec(plain);
  if (!match?.[1]) {
    return looksLikeRole(plain) ? { role: plain, required, signed: checked, signedBy: "" } : undefined;
  }
  const role = match[1].trim();
  let rest = match[2] ?? "";
  let signedAt: string | undefined;
  const date = dateValue(rest);
  if (date) {
    signedAt = stripBlanks(date.value);
    rest = rest.slice(0, date.index);
  }
  rest = rest.replace(/\b(?:signature|name|signed(?: by)?)\s*:\s*/gi, "");
  const blank = isBlank(rest);
  if (!blank && !looksLikeRole(role)) return undefined;
  return {
    role,
    required,
    signed: checked,
    signedBy: blank ? "" : stripBlanks(rest),
    ...(signedAt === undefined ? {} : { signedAt }),
  };
}

/**
 * As `/\bdate\s*:\s*(.*)$/i` (no `m` flag): the first "date:" whose value runs to the end
 * without a line break. Found by scanning, since the regex read to the line's end from each
 * "date:" of a line holding many.
 */
function dateValue(text: string): { index: number; value: string } | undefined {
  const lastBreak = text.lastIndexOf("\n");
  const keyword = /\bdate\s*:/gi;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const start = match.index + match[0].length;
    const content = skipWhiteSpace(text, start);
    // `\s*` may cross line breaks before the value; `.*` may not.
    if (content > lastBreak || content === text.length) return { index: match.index, value: text.slice(content) };
  }
  return undefined;
}

/** "✓", "[x]", "yes", "approved" in a table's Approved/Signed column. */
export function isAffirmative(text: string | undefined): boolean {
  return text !== undefined && /^(?:\[[xX]\]|[✓✔✅]|y|yes|approved|signed|done|go)$/i.test(text.trim());
}
