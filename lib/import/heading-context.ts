import type { GateKind, RollbackTriggerMode } from "@/lib/plan-document/schema";
import { normalizeKey, stripBold } from "@/lib/import/field-line";

/**
 * What a section is about, judged from its heading (and its ancestors' headings, for the
 * kinds that carry down: "## Contacts" → "### Escalation Path" is still contacts). This
 * decides how the section's lists and `Key: value` lines are read.
 */
export interface HeadingContext {
  /** `Key: value` lines here describe the plan itself (window, summary, details). */
  metadata: boolean;
  contacts: boolean;
  rollbackTriggers: boolean;
  /** The section (or one above it) is about rolling back: its trigger lists may be introduced by a sentence rather than a heading. */
  rollback: boolean;
  triggerMode: RollbackTriggerMode;
  signoff: boolean;
  gateKind: GateKind;
  comms: boolean;
}

/** Heading text for matching: lower case, no emphasis, no "1." / "2.3)" numbering. */
export function headingKey(title: string): string {
  return normalizeKey(title.replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, ""));
}

const METADATA = /^(?:deployment |release |maintenance |change )?(?:window|schedule|details|information|info|metadata|summary|overview|executive summary|at a glance|eckdaten|uberblick|ueberblick|zusammenfassung)$/;
const CONTACTS = /contacts?\b|escalation|stakeholders$|on-?call\b|who to (?:call|ask|contact|page)|^people$|^owners$|^team$|^points? of contact$|call tree|phone list|roster|kontakte?\b|ansprechpartner|eskalation|rufbereitschaft/;
const NOT_CONTACTS = /notify|notification|communicat|template|message|kommunikation|benachrichtigung/;
const TRIGGERS = /trigger|when to (?:roll ?back|revert|abort)|(?:roll ?back|revert|abort) (?:criteria|conditions|if)|criteria for (?:roll ?back|revert)|abbruch ?kriterien|abbruchbedingungen|ausloser|ausloeser|rollback-?kriterien/;
const PROCEDURE = /(?:roll ?back|revert|back ?out) ?(?:procedure|steps|plan|process|checklist|runbook|instructions)|how to (?:roll ?back|revert)|^(?:roll ?back|revert|back ?out|backing out|rolling back)$|^if (?:things|it|something) goes? wrong$|ruckfall|rueckfall|ruckabwicklung|rueckabwicklung|zuruckrollen|zurueckrollen|rollback-?plan/;
const ROLLBACK = /roll ?back|rolling back|revert|back ?out|backing out|abort|fall ?back|undo\b|if (?:things|it|something) goes? wrong|ruckfall|rueckfall|ruckabwicklung|rueckabwicklung|zuruckrollen|zurueckrollen|abbruch/;
const SIGNOFF = /sign[- ]?offs?\b|approvals?\b|go ?\/ ?no[- ]?go|go-no-go|authori[sz]ation|freigabe|abnahme|genehmigung/;
const COMMS = /communicat|templates?\b|announcement|messages?\b|notifications?\b|e-?mails?\b|kommunikation|benachrichtigung|vorlage/;

/**
 * "Go/No-Go", "Go / No Go call", "Go-/No-Go-Entscheidung", "Go or no-go": the letters
 * alone, so any punctuation between the words reads the same.
 */
export function namesGoNoGo(key: string): boolean {
  const letters = key.replace(/[^a-z]/g, "");
  return letters.includes("gonogo") || letters.includes("goornogo");
}

function gateKindOf(key: string): GateKind | undefined {
  if (namesGoNoGo(key) || /no-go/.test(key)) return "go-no-go";
  if (/\bpre\b|pre-|before|\bvor\b/.test(key)) return "pre-deployment";
  if (/\bpost\b|post-|after|completion|\bnach\b/.test(key)) return "post-deployment";
  return undefined;
}

function triggerModeOf(key: string): RollbackTriggerMode | undefined {
  if (/\bautomat|\bauto\b|auto-/.test(key)) return "automatic";
  if (/\bmanual|\bmanuell/.test(key)) return "manual";
  return undefined;
}

export const ROOT_CONTEXT: HeadingContext = {
  metadata: true,
  contacts: false,
  rollbackTriggers: false,
  rollback: false,
  triggerMode: "unspecified",
  signoff: false,
  gateKind: "sign-off",
  comms: false,
};

export function contextFor(title: string, parent: HeadingContext | undefined): HeadingContext {
  const key = headingKey(title);
  const inherited = parent ?? { ...ROOT_CONTEXT, metadata: false };
  const signoff = SIGNOFF.test(key) || namesGoNoGo(key) || inherited.signoff;
  return {
    metadata: METADATA.test(key),
    contacts: (CONTACTS.test(key) && !NOT_CONTACTS.test(key)) || inherited.contacts,
    rollbackTriggers: TRIGGERS.test(key) || inherited.rollbackTriggers,
    rollback: ROLLBACK.test(key) || inherited.rollback,
    triggerMode: triggerModeOf(key) ?? inherited.triggerMode,
    signoff,
    gateKind: (signoff ? gateKindOf(key) : undefined) ?? inherited.gateKind,
    comms: COMMS.test(key) || inherited.comms,
  };
}

/**
 * Whether the sentence before a plain list introduces the conditions for rolling back
 * ("We roll back if any of the following is true:", "Abort as soon as one of these
 * happens:", "Triggers:"), so the list is the plan's rollback triggers, not steps. Signals,
 * of which at least two must agree:
 * - where it is: under a rollback heading (the heading path), or the sentence itself
 *   names rolling back ("… we revert when:");
 * - the sentence ends in a colon and speaks of conditions (if, when, as soon as, any of,
 *   triggers, criteria …);
 * - the items read as conditions rather than steps: thresholds ("above 800 ms", "> 2%",
 *   "for 5 minutes"), failures ("errors", "fails", "alerts fire").
 * The colon is required: a list after a sentence that does not introduce it is not read.
 */
const CONDITION_WORDS = /\b(?:if|when|whenever|as soon as|once|should|any of|one of|either of|following happens|triggers?|criteria|conditions?|signals?|symptoms?|happens?|occurs?|observed?|wenn|falls|sobald)\b/;
const CONDITION_ITEM = /\d\s?(?:%|ms|s|sec|seconds?|min|minutes?|m|h|hours?)\b|[<>≥≤]|\b(?:above|over|below|under|exceeds?|exceeding|more than|less than|higher than|lower than|drops?|spikes?|rises?|fails?|failing|failed|errors?|alerts?|alarms?|timeouts?|unavailable|down|missing|stuck|corrupt|ueber|uber|unter|fehler|fehlschlag)\b/;

export function itemsReadAsConditions(items: string[]): boolean {
  if (items.length === 0) return false;
  const conditions = items.filter((item) => CONDITION_ITEM.test(normalizeKey(item) + " " + item)).length;
  return conditions * 3 >= items.length * 2;
}

export function introducesTriggers(line: string, context: HeadingContext, items: string[] = []): boolean {
  if (!line.trimEnd().endsWith(":")) return false;
  const key = normalizeKey(line);
  const aboutRollback = context.rollback || ROLLBACK.test(key);
  const speaksOfConditions = CONDITION_WORDS.test(key);
  const signals = [aboutRollback, speaksOfConditions, itemsReadAsConditions(items)].filter(Boolean).length;
  return aboutRollback && signals >= 2;
}

export function isTriggerHeading(title: string): boolean {
  return TRIGGERS.test(headingKey(title));
}

export function isProcedureHeading(title: string): boolean {
  const key = headingKey(title);
  return PROCEDURE.test(key) && !TRIGGERS.test(key);
}

export function isDecisionMakerKey(key: string): boolean {
  return /^(decision[- ]?maker|decided by|decision by|decision owner|approver|approved by|final approver|go\/no-?go owner)$/.test(
    normalizeKey(key),
  );
}

// Words that make a short phrase a role ("QA Lead", "On-call Engineer", "CTO").
const ROLE_WORDS =
  /\b(?:leads?|manager|owner|engineers?|admin|administrator|director|cto|ceo|cio|ciso|coo|vp|officer|architect|qa|dba|sre|devops|on-?call|approver|head|stakeholder|sponsor|analyst|developer|dev|commander|coordinator|representative|rep|chief|president|security|ops|support|pm|po|team)\b/i;

/** A short phrase naming a role: "QA Lead", "On-call Engineer", "CTO" (not "Hotfix reviewed by two engineers"). */
export function looksLikeRole(text: string): boolean {
  const words = stripBold(text).trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  return words.length <= 4 && (ROLE_WORDS.test(last) || /^(?:head|director|vp|chief|manager)\b/i.test(words[0] ?? ""));
}
