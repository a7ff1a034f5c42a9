import type { Metric, MetricComparator } from "@/lib/plan-document/schema";

/**
 * Measured values with a target inside item text:
 *   "API p95 response time: __ ms (<200ms target)"   blank to fill, unit, target
 *   "Error rate normal (<1%)"                        threshold in parentheses
 *   "Response times < 2s"                             threshold at the end
 */

const UNIT =
  "(ms|msec|milliseconds?|%|percent|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|rps|req/s|qps|kb|mb|gb|tb)";
const COMPARATOR = "(<=|>=|==|=|<|>|≤|≥)";
const NUMBER = "(\\d+(?:\\.\\d+)?)";
// Bracketed blanks are short; unbounded, "[" without "]" was scanned to the end from every ":".
const BLANK = "(?:_{2,}|\\[[^\\]]{0,60}\\]|<[^>]{0,60}>|\\?+)";
const TARGET_WORD = "(?:target|threshold|goal|slo|max|maximum|min|minimum|limit)";

const FILL_IN = new RegExp(
  `^(.+?):\\s*${BLANK}\\s*${UNIT}?\\s*\\(\\s*(?:${TARGET_WORD}\\s*:?\\s*)?${COMPARATOR}\\s*${NUMBER}\\s*${UNIT}?\\s*${TARGET_WORD}?\\s*\\)`,
  "i",
);
const PARENTHESISED = new RegExp(
  `^(.+?)\\s*\\(\\s*(?:([A-Za-z][\\w -]*?)\\s*)?(?:${TARGET_WORD}\\s*:?\\s*)?${COMPARATOR}\\s*${NUMBER}\\s*${UNIT}?\\s*${TARGET_WORD}?\\s*\\)`,
  "i",
);
const TRAILING = new RegExp(`^(.+?)\\s+${COMPARATOR}\\s*${NUMBER}\\s*${UNIT}?\\s*$`, "i");

function normalizeComparator(raw: string): MetricComparator {
  if (raw === "≤") return "<=";
  if (raw === "≥") return ">=";
  if (raw === "==") return "=";
  return raw as MetricComparator;
}

export function normalizeUnit(raw: string | undefined): string {
  if (!raw) return "";
  const lower = raw.toLowerCase();
  if (/^(ms|msec|milliseconds?)$/.test(lower)) return "ms";
  if (/^(%|percent)$/.test(lower)) return "%";
  if (/^(s|secs?|seconds?)$/.test(lower)) return "s";
  if (/^(min|mins|minutes?)$/.test(lower)) return "min";
  if (/^(h|hrs?|hours?)$/.test(lower)) return "h";
  if (/^(kb|mb|gb|tb)$/.test(lower)) return lower.toUpperCase();
  return lower;
}

function cleanLabel(label: string): string {
  return label.replace(/\*\*|__|`/g, "").replace(/\s+/g, " ").trim();
}

export function parseMetric(text: string): Metric | undefined {
  // White space runs become one space: the label is read that way anyway, and the patterns'
  // neighbouring `\s*` and `\s+` then cannot share a long run (quadratic before).
  const firstBreak = text.indexOf("\n");
  const singleLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\s+/g, " ");
  const fillIn = FILL_IN.exec(singleLine);
  if (fillIn?.[1] && fillIn[3] && fillIn[4]) {
    return {
      label: cleanLabel(fillIn[1]),
      unit: normalizeUnit(fillIn[2] ?? fillIn[5]),
      comparator: normalizeComparator(fillIn[3]),
      target: Number(fillIn[4]),
    };
  }
  const parenthesised = PARENTHESISED.exec(singleLine);
  if (parenthesised?.[1] && parenthesised[3] && parenthesised[4]) {
    const qualifier = parenthesised[2]?.trim();
    const label = cleanLabel(parenthesised[1]);
    return {
      label: qualifier ? `${label} (${qualifier})` : label,
      unit: normalizeUnit(parenthesised[5]),
      comparator: normalizeComparator(parenthesised[3]),
      target: Number(parenthesised[4]),
    };
  }
  const trailing = TRAILING.exec(singleLine);
  if (trailing?.[1] && trailing[2] && trailing[3]) {
    return {
      label: cleanLabel(trailing[1]),
      unit: normalizeUnit(trailing[4]),
      comparator: normalizeComparator(trailing[2]),
      target: Number(trailing[3]),
    };
  }
  return undefined;
}
