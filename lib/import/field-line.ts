import type { Field } from "@/lib/plan-document/schema";
import { isBlank, stripBlanks } from "@/lib/import/placeholders";

/**
 * One line of a paragraph, read for what it declares: `**Key**: value` fields, bold captions
 * that introduce a list ("**Checklist**:"), and "Decision: GO / NO-GO / DEFER" lines.
 */

export interface FieldLine {
  key: string;
  /** Value as written (blanks included); "" when nothing follows the colon. */
  rawValue: string;
}

// **Key**: value · **Key:** value · __Key__: value
const BOLD_KEY = /^(?:\*\*|__)([^*_:][^*]*?)(?:\*\*|__)\s*:\s*(.*)$/;
const BOLD_KEY_INNER_COLON = /^(?:\*\*|__)([^*_:][^*]*?):(?:\*\*|__)\s*(.*)$/;
const BOLD_ONLY = /^(?:\*\*|__)([^*_:][^*]*?)(?:\*\*|__)$/;

export function parseFieldLine(line: string): FieldLine | undefined {
  const match = BOLD_KEY.exec(line) ?? BOLD_KEY_INNER_COLON.exec(line);
  if (!match?.[1]) return undefined;
  return { key: match[1].trim(), rawValue: (match[2] ?? "").trim() };
}

/** "**QA Lead**" or "**Checklist**:" alone on a line: a caption when a list follows. */
export function parseCaption(line: string): string | undefined {
  const field = parseFieldLine(line);
  if (field) return field.rawValue === "" ? field.key : undefined;
  return BOLD_ONLY.exec(line)?.[1]?.trim();
}

// "[ ] a [x] b": each choice starts with its "[", which its label cannot contain, so the
// repetition can be read only one way (the earlier `(?:\s*\[[ xX]\]\s*[^[\]]+?)+\s*$` backtracked
// exponentially on "[x] a [x] a …" that did not end as a list).
const OPTION_LIST = /^\s*(?:\[[ xX]\][^[\]]+)+$/;

/** Builds a Field, reading "[ ] Success  [x] Partial" choices and treating blanks as "". */
export function toField(key: string, rawValue: string): Field {
  if (OPTION_LIST.test(rawValue)) {
    const options = [...rawValue.matchAll(/\[([ xX])\]\s*([^[\]]+)/g)].map((match) => ({
      label: (match[2] ?? "").trim(),
      selected: (match[1] ?? " ") !== " ",
    }));
    const selected = options.find((option) => option.selected);
    return { key, value: selected?.label ?? "", options };
  }
  // A value made only of blanks is declared-but-empty; placeholders inside real content stay.
  return { key, value: isBlank(rawValue) ? "" : stripBlanks(rawValue, { keepPlaceholders: true }) };
}

export interface DecisionLine {
  options: string[];
  decision?: string;
  decisionMaker?: string;
}

// "Decision: GO / NO-GO / DEFER", "**Go/No-Go Decision**: …", "Decision (CAB chair): …"
// The "by" name is taken whole, up to the colon, as an atomic group (`(?=(…))\2`): without
// that, a name without a colon after it was retried at every length against the white space.
const DECISION = /^(?:final\s+|go\s*\/\s*no[- ]?go\s+)?decision(?:\s*\(([^)]+)\)|\s+by(?=(\s[^:]+))\2)?\s*:\s*(.+)$/i;
// A separator with the white space around it; a match can only start where white space does.
const DECISION_SEPARATOR = /(?<!\s)\s*(?:\/|\||,|\bor\b)\s*/i;

export function parseDecisionLine(line: string): DecisionLine | undefined {
  const plain = stripBold(line).trim();
  const match = DECISION.exec(plain);
  const rest = match?.[3];
  if (!match || !rest || !/\bgo\b/i.test(rest) || !/\bno[- ]?go\b/i.test(rest)) return undefined;
  const parts = rest.split(DECISION_SEPARATOR).filter((part) => part.trim() !== "");
  let decision: string | undefined;
  const options = parts.map((part) => {
    const checked = /^\[[xX]\]/.test(part.trim());
    const label = part.replace(/^\s*\[[ xX]\]\s*/, "").trim();
    if (checked) decision = label;
    return label;
  });
  const maker = match[1] ?? match[2]?.slice(1);
  const decisionMaker = maker === undefined ? undefined : stripBlanks(maker);
  return { options, ...(decision ? { decision } : {}), ...(decisionMaker === undefined ? {} : { decisionMaker }) };
}

/** "**Tech Lead**" → "Tech Lead"; leaves "_____" blanks alone (they are not emphasis). */
export function stripBold(text: string): string {
  return text.replace(/(\*\*|__)([^*_\s][^*]*?)\1/g, "$2");
}

/** Lower-case, punctuation-free form of a key or heading for matching synonyms. */
export function normalizeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, "")
    .replace(/[^a-z0-9/+ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
