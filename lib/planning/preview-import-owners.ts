import { db } from "@/lib/db";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { findLeadAccount } from "@/lib/plans/plan-lead";
import { gateRows, planColumnsOf } from "@/lib/plans/plan-rows";
import { classifyOwner, ownerWords } from "@/lib/planning/import-owners";
import { ownerDirectoryOf } from "@/lib/planning/imported-planning";

export interface ImportOwnersPreview {
  /** People with an account the document names as owners who would not be on the plan: the importer picks whom to add. */
  proposed: { userId: string; name: string; email: string; steps: number }[];
  /** Owners kept as sign-off titles. */
  titles: string[];
  /** Owner words that name nobody: kept in their steps' notes. */
  unresolved: string[];
}

/** What the document's owners would become if the importer created the plan now (lib/planning/import-owners.ts). */
export async function previewImportOwners(document: PlanDocument, importerId: string): Promise<ImportOwnersPreview> {
  const words = allItems(document).flatMap(ownerWords);
  if (!words.length) return { proposed: [], titles: [], unresolved: [] };
  const lead = await findLeadAccount(planColumnsOf(document).deployLead);
  const titles = gateRows(document).flatMap((gate) => gate.roles.map((role) => role.title));
  // The same lookup the creation transaction makes, here in a read-only one of its own.
  const directory = await db().$transaction((tx) => ownerDirectoryOf(tx, { titles, memberIds: [importerId, ...(lead ? [lead.id] : [])] }, words, new Set()));
  const steps = new Map<string, number>();
  const found = { titles: new Set<string>(), unresolved: new Set<string>() };
  for (const written of words) {
    const outcome = classifyOwner(written, directory);
    if (outcome.kind === "proposed") steps.set(outcome.userId, (steps.get(outcome.userId) ?? 0) + 1);
    else if (outcome.kind === "title") found.titles.add(outcome.title);
    else if (outcome.kind === "unresolved") found.unresolved.add(outcome.written);
  }
  const people = steps.size ? await db().user.findMany({ where: { id: { in: [...steps.keys()] } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }) : [];
  return {
    proposed: people.map((person) => ({ userId: person.id, name: person.name, email: person.email, steps: steps.get(person.id) ?? 0 })),
    titles: [...found.titles],
    unresolved: [...found.unresolved],
  };
}
