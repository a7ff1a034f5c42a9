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

const METADATA = /^(?:deployment |release |maintenance |change )?(?:window|schedule|details|information|info|metadata|summary|overview|executive summary|at a glance)$/;
const CONTACTS = /contacts?\b|escalation|stakeholders$|on-?call\b|who to call|call tree|phone list|roster/;
const NOT_CONTACTS = /notify|notification|communicat|template|message/;
const TRIGGERS = /trigger|when to (?:roll ?back|revert|abort)|(?:roll ?back|revert|abort) (?:criteria|conditions|if)|criteria for (?:roll ?back|revert)/;
const PROCEDURE = /(?:roll ?back|revert|back ?out) ?(?:procedure|steps|plan|process|checklist|runbook|instructions)|how to (?:roll ?back|revert)|^(?:roll ?back|revert|back ?out)$|^if (?:things|it|something) goes? wrong$/;
const ROLLBACK = /roll ?back|revert|back ?out|abort|if (?:things|it|something) goes? wrong/;
const SIGNOFF = /sign[- ]?offs?\b|approvals?\b|go ?\/ ?no[- ]?go|go-no-go|authori[sz]ation/;
const COMMS = /communicat|templates?\b|announcement|messages?\b|notifications?\b|e-?mails?\b/;

function gateKindOf(key: string): GateKind | undefined {
  if (/go ?\/ ?no[- ]?go|go-no-go|no-go/.test(key)) return "go-no-go";
  if (/\bpre\b|pre-|before/.test(key)) return "pre-deployment";
  if (/\bpost\b|post-|after|completion/.test(key)) return "post-deployment";
  return undefined;
}

function triggerModeOf(key: string): RollbackTriggerMode | undefined {
  if (/\bautomat|\bauto\b|auto-/.test(key)) return "automatic";
  if (/\bmanual/.test(key)) return "manual";
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
  const signoff = SIGNOFF.test(key) || inherited.signoff;
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
 * "We roll back if any of the following is true:", "Abort when:", "Triggers:": a sentence that
 * ends in a colon and introduces the conditions for rolling back. Under a rollback heading,
 * the plain list after it is the plan's rollback triggers, not steps.
 */
const TRIGGER_WORD = /\b(?:if|when|whenever|triggers?|criteria|conditions?)\b/;

export function introducesTriggers(line: string, context: HeadingContext): boolean {
  return context.rollback && line.trimEnd().endsWith(":") && TRIGGER_WORD.test(normalizeKey(line));
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
