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

const DECISION_WORD = /^(?:go|no[- ]?go|nogo|hold|defer|deferred|postpone|postponed|delay|cancel|cancelled|canceled)$/i;

/**
 * The last line of a Go/No-Go section, recording the call rather than declaring a field:
 * "**GO** / **NO-GO**" (the choices), "Final call: **NO-GO**", "Outcome — GO", "[x] GO".
 * Any short label may precede it; what follows must be decision words only, GO or NO-GO
 * among them. Only read under a heading that names Go/No-Go (the caller's check), since
 * "Go" alone means little elsewhere.
 */
export function parseDecisionRecord(line: string): DecisionLine | undefined {
  const plain = stripBold(line).replace(/^\s*\[[ xX]\]\s*/, "").trim();
  const colon = plain.search(/[:—–]/);
  const label = colon === -1 ? "" : plain.slice(0, colon).trim();
  if (label.split(/\s+/).length > 4) return undefined;
  const rest = colon === -1 ? plain : plain.slice(colon + 1);
  const parts = rest
    .split(DECISION_SEPARATOR)
    .map((part) => part.replace(/^\s*\[[ xX]\]\s*/, "").trim().replace(/[.!]$/, ""))
    .filter((part) => part !== "");
  if (parts.length === 0 || parts.length > 4 || !parts.every((part) => DECISION_WORD.test(part))) return undefined;
  if (!parts.some((part) => /^(?:go|no[- ]?go|nogo)$/i.test(part))) return undefined;
  // "Go/no-go call (@nadia): GO / NO-GO": who makes the call, in parentheses after the label.
  const maker = /\(([^()]+)\)$/.exec(label)?.[1]?.trim();
  const madeBy = maker ? { decisionMaker: maker } : {};
  if (parts.length > 1) {
    // Choices; one of them ticked ("[x] GO / [ ] NO-GO") is the call.
    const ticked = [...(colon === -1 ? stripBold(line) : rest).matchAll(/\[[xX]\]\s*([^[\]/|,]+)/g)].map((match) => (match[1] ?? "").trim());
    return { options: parts, ...(ticked.length === 1 && ticked[0] ? { decision: stripBold(ticked[0]) } : {}), ...madeBy };
  }
  const decision = parts[0] ?? "";
  const upper = decision.toUpperCase();
  const options = upper === "GO" || /^NO[- ]?GO$/.test(upper) ? ["GO", "NO-GO"] : ["GO", "NO-GO", decision];
  return { options, decision: upper === "GO" ? "GO" : /^NO[- ]?GO$/.test(upper) ? "NO-GO" : decision, ...madeBy };
}

/** "**Tech Lead**" → "Tech Lead"; leaves "_____" blanks alone (they are not emphasis). */
export function stripBold(text: string): string {
  return text.replace(/(\*\*|__)([^*_\s][^*]*?)\1/g, "$2");
}

/** Lower-case, punctuation-free form of a key or heading for matching synonyms. */
export function normalizeKey(text: string): string {
  return text
    .toLowerCase()
    // "Rückfall", "Zuständig", "Maßnahme": letters keep their base so German keys match too.
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[*_`]/g, "")
    .replace(/[^a-z0-9/+ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
