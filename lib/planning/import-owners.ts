import { looksLikeRole } from "@/lib/import/heading-context";
import type { PlanItem } from "@/lib/plan-document/schema";

/**
 * What an owner written in an imported document ("Owner: …", an owner column, "@name")
 * becomes on the new plan. Nothing is dropped and nobody gets rights silently:
 * - a person already on the plan (by email or unique name) owns the step;
 * - a person with an account who is not on the plan owns it only if the importer confirmed
 *   adding them (they join as an executor, so they can tick their steps); otherwise they are
 *   kept in the step's notes and the preview says so;
 * - a sign-off title, or anything that reads as a role ("DBA", "On-call Engineer"), is a title
 *   owner: whoever holds that title on the plan;
 * - any other name is kept in the step's notes, with a warning in the preview.
 */
export type OwnerOutcome =
  | { kind: "member"; userId: string }
  | { kind: "confirmed"; userId: string }
  | { kind: "proposed"; userId: string }
  | { kind: "title"; title: string }
  | { kind: "unresolved"; written: string };

export interface OwnerDirectory {
  /** Active accounts by lower-case email, and by lower-case name when no other account shares it. */
  byEmail: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, string>;
  /** Lower-case sign-off titles the plan knows, to their spelling. */
  titles: ReadonlyMap<string, string>;
  members: ReadonlySet<string>;
  confirmed: ReadonlySet<string>;
}

const fold = (text: string) => text.trim().toLowerCase();
/** "@Lee Lead" and "Lee Lead" name the same person. */
export const ownerKey = (written: string) => fold(written.trim().startsWith("@") ? written.trim().slice(1) : written);

/** The owner words of a step: its "Owner:" list, else the "(owner: …)" or "@name" in its text. */
export const ownerWords = (item: Pick<PlanItem, "owners" | "assignee">): string[] => item.owners ?? (item.assignee ? [item.assignee] : []);

export function classifyOwner(written: string, directory: OwnerDirectory): OwnerOutcome {
  const key = ownerKey(written);
  const userId = directory.byEmail.get(key) ?? directory.byName.get(key);
  if (userId) return directory.members.has(userId) ? { kind: "member", userId } : directory.confirmed.has(userId) ? { kind: "confirmed", userId } : { kind: "proposed", userId };
  const title = directory.titles.get(key);
  if (title) return { kind: "title", title };
  const plain = written.trim().replace(/^@/, "").trim();
  if (plain && plain.length <= 100 && looksLikeRole(plain)) return { kind: "title", title: plain };
  return { kind: "unresolved", written: written.trim() };
}

/** The line kept in a step's notes for owners the plan could not take on. */
export function keptOwnersNote(written: readonly string[]): string {
  return `Owner named in the imported document, not on this plan: ${written.join("; ")}`;
}
