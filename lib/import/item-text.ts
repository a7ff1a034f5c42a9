import type { ItemState, ItemStatus, Metric } from "@/lib/plan-document/schema";
import { parseMetric } from "@/lib/import/metric-text";

/**
 * What an item's text says about the item. The text itself is kept as written; these flags
 * are derived from it, and the exporter appends a marker only when a flag is not already
 * implied by the text, so parse → export → parse is stable.
 */

export interface ItemTextFacts {
  required: boolean;
  critical: boolean;
  expected?: string;
  assignee?: string;
  metric?: Metric;
}

// "(optional)", "if applicable", "(if needed)", "(if schema changes affect tasks)": all mean
// the step may legitimately not apply.
const OPTIONAL = /\(\s*optional\s*\)|\[\s*optional\s*\]|^\s*optional\s*:|\bif applicable\b|\bif needed\b|\bif required\b|\(\s*if\s[^)]*\)/i;

// Markers, not the adjective: "No critical bugs" is an ordinary item, "CRITICAL: …",
// "(critical)" and "⚠️ …" are not.
const CRITICAL = [/\bCRITICAL\b/, /[([]\s*critical\s*[)\]]/i, /^\s*(?:\*\*)?critical(?:\*\*)?\s*[:!—–-]/i, /⚠|🚨|❗|‼|🔴/u];

const EXPECTED = [
  /\(\s*expected(?: result)?\s*:\s*([^)]+)\)/i,
  /\bexpected(?: result)?\s*:\s*(.+)$/i,
  /(?:→|->|=>)\s*expect(?:ed)?(?: result)?\s*:?\s*(.+)$/i,
];

const ASSIGNEE = [
  /\(\s*(?:owner|assignee|assigned to|responsible|who)\s*:\s*([^)]+)\)/i,
  /\b(?:owner|assignee|assigned to)\s*:\s*([^;,()]+)$/i,
  /(?:^|\s)@([A-Za-z][\w-]*)/,
];

function firstCapture(text: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const value = pattern.exec(text)?.[1]?.trim();
    if (value) return value;
  }
  return undefined;
}

export function analyzeItemText(text: string): ItemTextFacts {
  const expected = firstCapture(text, EXPECTED);
  const assignee = firstCapture(text, ASSIGNEE);
  const metric = parseMetric(text);
  return {
    required: !OPTIONAL.test(text),
    critical: CRITICAL.some((pattern) => pattern.test(text)),
    ...(expected ? { expected } : {}),
    ...(assignee ? { assignee } : {}),
    ...(metric ? { metric } : {}),
  };
}

/* State suffix: " — done by Lee at 2026-11-22 10:00 UTC; measured: 180; note: slow" */

const STATUS_WORDS: [ItemStatus, string][] = [
  ["done", "done"],
  ["skipped", "skipped"],
  ["failed", "failed"],
  ["not_applicable", "n/a"],
  ["pending", "pending"],
];

const STATE_SUFFIX =
  /\s+[—–]\s+(done|skipped|failed|n\/a|not applicable|pending)(?:\s+by\s+(.+?))?(?:\s+at\s+(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s*(?:UTC|Z)?)?(?:;\s*measured:\s*(-?\d+(?:\.\d+)?))?(?:;\s*note:\s*(.*))?$/i;

export interface StateSuffix {
  text: string;
  state: ItemState;
}

export function parseStateSuffix(text: string): StateSuffix | undefined {
  const match = STATE_SUFFIX.exec(text);
  if (!match?.[1]) return undefined;
  const word = match[1].toLowerCase();
  const status = STATUS_WORDS.find(([, label]) => label === word)?.[0] ?? (word === "not applicable" ? "not_applicable" : undefined);
  const [, , by, at, measured, note] = match;
  // A bare " — done" is too likely to be prose; only read it with who/when details.
  if (!status || (status === "done" && !by && !at && measured === undefined && note === undefined)) return undefined;
  const state: ItemState = { status };
  if (by) state.by = by.trim();
  if (at) state.at = new Date(`${at.replace(" ", "T")}${at.length === 16 ? ":00" : ""}Z`).toISOString();
  if (measured !== undefined) state.measuredValue = Number(measured);
  if (note !== undefined && note.trim() !== "") state.note = note.trim();
  return { text: text.slice(0, match.index).trimEnd(), state };
}

function formatAt(iso: string): string {
  const date = new Date(iso);
  const text = date.toISOString();
  const seconds = text.slice(17, 19);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}${seconds === "00" ? "" : `:${seconds}`} UTC`;
}

/** The suffix for a state, or "" when the checkbox alone says it all ([x] by "import"). */
export function formatStateSuffix(state: ItemState): string {
  const isPlainImport = state.status === "done" && state.by === "import" && !state.at && state.note === undefined && state.measuredValue === undefined;
  if (isPlainImport) return "";
  if (state.status === "pending" && !state.by && !state.at && state.note === undefined && state.measuredValue === undefined) return "";
  const word = STATUS_WORDS.find(([status]) => status === state.status)?.[1] ?? state.status;
  let suffix = ` — ${word}`;
  if (state.by) suffix += ` by ${state.by}`;
  if (state.at) suffix += ` at ${formatAt(state.at)}`;
  if (state.measuredValue !== undefined) suffix += `; measured: ${state.measuredValue}`;
  if (state.note !== undefined) suffix += `; note: ${state.note.replace(/\s+/g, " ")}`;
  return suffix;
}
