import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { classifyOwner, keptOwnersNote, ownerKey, ownerWords, type OwnerDirectory } from "@/lib/planning/import-owners";
import { findDependencyCycle, indexGraph, type DependencyTarget, type GraphItem } from "@/lib/planning/dependency-graph";

type Tx = Prisma.TransactionClient;

interface CreatedRows {
  sections: readonly { id: string; documentKey: string; title: string; parentId: string | null }[];
  items: readonly { id: string; documentKey: string; text: string; sectionId: string }[];
}

const SECTION_PREFIX = "section ";
const fold = (text: string) => text.trim().toLowerCase();

/**
 * Owners and dependencies a new plan's document names ("Owner: …", "Depends on: …" under a
 * step, or the step's "(owner: …)" / "@name"), resolved once the plan's rows exist, in its
 * creation transaction. Owners follow lib/planning/import-owners.ts: members own their steps,
 * a person not on the plan joins as an executor only when the importer confirmed them
 * (`confirmedOwnerIds`), titles and role-like words are title owners, and every other owner
 * stays in the step's notes, so the words are never lost. A dependency is a step's text or
 * id, or "section <title>"; unknown ones and ones that would close a loop are left out.
 */
export async function writeImportedPlanning(tx: Tx, planId: string, document: PlanDocument, rows: CreatedRows, confirmedOwnerIds: ReadonlySet<string> = new Set()): Promise<void> {
  const byKey = new Map(allItems(document).map((item) => [item.id, item]));
  const named = rows.items.map((row) => ({ row, source: byKey.get(row.documentKey) })).filter((entry): entry is { row: CreatedRows["items"][number]; source: PlanItem } => Boolean(entry.source));
  if (!named.some(({ source }) => ownerWords(source).length || source.dependsOn?.length)) return;

  const directory = await ownerDirectoryOf(tx, { planId }, [...new Set(named.flatMap(({ source }) => ownerWords(source)))], confirmedOwnerIds);
  const kept = new Map<string, string[]>();
  const ownerRows = named.flatMap(({ row, source }) => {
    const seen = new Set<string>();
    const owners: ({ userId: string } | { title: string })[] = [];
    for (const written of ownerWords(source)) {
      const outcome = classifyOwner(written, directory);
      if (outcome.kind === "unresolved" || outcome.kind === "proposed") {
        kept.set(source.id, [...(kept.get(source.id) ?? []), written.trim()]);
        continue;
      }
      const owner = outcome.kind === "title" ? { title: outcome.title } : { userId: outcome.userId };
      const key = "userId" in owner ? `u:${owner.userId}` : `t:${owner.title}`;
      if (!seen.has(key)) owners.push((seen.add(key), owner));
    }
    return owners.map((owner, position) => ({ planId, itemId: row.id, position, ...owner }));
  });
  const newcomers = [...new Set(ownerRows.flatMap((owner) => ("userId" in owner && !directory.members.has(owner.userId) ? [owner.userId] : [])))];
  if (newcomers.length) await tx.planMember.createMany({ data: newcomers.map((userId) => ({ planId, userId, role: "EXECUTOR" as const })) });
  if (ownerRows.length) await tx.planItemOwner.createMany({ data: ownerRows });
  if (kept.size) await tx.plan.update({ where: { id: planId }, data: { document: withKeptOwners(document, kept) as unknown as Prisma.InputJsonValue } });

  const dependencyRows = resolveDependencies(rows, named);
  if (dependencyRows.length) await tx.planItemDependency.createMany({ data: dependencyRows.map((row) => ({ planId, ...row })) });
}

/**
 * Who the owner words can name: active accounts by email or unique name, the sign-off titles
 * the plan knows (its gates' roles and its members' titles, or for a preview the document's
 * gates), and the plan's members.
 */
export async function ownerDirectoryOf(
  client: Tx,
  known: { planId: string } | { titles: readonly string[]; memberIds: readonly string[] },
  words: readonly string[],
  confirmed: ReadonlySet<string>,
): Promise<OwnerDirectory> {
  const folded = [...new Set(words.map(ownerKey))];
  const [users, roles, members] = await Promise.all([
    client.$queryRaw<{ id: string; name: string; email: string }[]>`
      SELECT id, name, email FROM "User" WHERE active AND (lower(email) = ANY(${folded}) OR lower(name) = ANY(${folded}))`,
    "planId" in known ? client.gateRole.findMany({ where: { gate: { planId: known.planId } }, select: { title: true } }) : known.titles.map((title) => ({ title })),
    "planId" in known ? client.planMember.findMany({ where: { planId: known.planId }, select: { userId: true, titles: true } }) : known.memberIds.map((userId) => ({ userId, titles: [] as string[] })),
  ]);
  const byEmail = new Map(users.map((user) => [fold(user.email), user.id]));
  const nameCount = new Map<string, number>();
  for (const user of users) nameCount.set(fold(user.name), (nameCount.get(fold(user.name)) ?? 0) + 1);
  // A name two accounts share names nobody in particular.
  const byName = new Map(users.filter((user) => nameCount.get(fold(user.name)) === 1).map((user) => [fold(user.name), user.id]));
  const titles = new Map([...roles.map((role) => role.title), ...members.flatMap((member) => member.titles)].map((title) => [fold(title), title]));
  return { byEmail, byName, titles, members: new Set(members.map((member) => member.userId)), confirmed };
}

/** The document with each step's owners that the plan could not take on kept in its notes. */
function withKeptOwners(document: PlanDocument, kept: ReadonlyMap<string, string[]>): PlanDocument {
  const withItem = (item: PlanItem): PlanItem => {
    const words = kept.get(item.id);
    const details = words ? [item.details, keptOwnersNote(words)].filter(Boolean).join("\n\n") : item.details;
    return { ...item, ...(details !== undefined ? { details } : {}), items: item.items.map(withItem) };
  };
  const withSection = (section: PlanSection): PlanSection => ({ ...section, items: section.items.map(withItem), sections: section.sections.map(withSection) });
  return { ...document, sections: document.sections.map(withSection) };
}

function resolveDependencies(rows: CreatedRows, named: readonly { row: CreatedRows["items"][number]; source: PlanItem }[]) {
  const sectionByTitle = new Map<string, string>();
  for (const section of rows.sections) if (!sectionByTitle.has(fold(section.title))) sectionByTitle.set(fold(section.title), section.id);
  const itemByKey = new Map(rows.items.map((item) => [item.documentKey, item.id]));
  const itemByText = new Map<string, string>();
  for (const item of rows.items) if (!itemByText.has(fold(item.text))) itemByText.set(fold(item.text), item.id);

  const graphItems = new Map<string, GraphItem>(rows.items.map((item) => [item.id, { id: item.id, sectionId: item.sectionId, text: item.text, status: "PENDING", dependsOn: [] }]));
  const sections = rows.sections.map(({ id, parentId, title }) => ({ id, parentId, title }));
  const out: { itemId: string; position: number; dependsOnItemId?: string; dependsOnSectionId?: string }[] = [];
  for (const { row, source } of named) {
    const accepted: DependencyTarget[] = [];
    for (const written of source.dependsOn ?? []) {
      const target = written.toLowerCase().startsWith(SECTION_PREFIX)
        ? sectionTarget(sectionByTitle.get(fold(written.slice(SECTION_PREFIX.length))))
        : itemTarget(itemByKey.get(written.trim()) ?? itemByText.get(fold(written)));
      if (!target || accepted.some((other) => JSON.stringify(other) === JSON.stringify(target))) continue;
      const index = indexGraph({ items: [...graphItems.values()], sections });
      if (findDependencyCycle(index, row.id, [...accepted, target])) continue;
      accepted.push(target);
      graphItems.set(row.id, { ...graphItems.get(row.id)!, dependsOn: [...accepted] });
    }
    accepted.forEach((target, position) => out.push({ itemId: row.id, position, ...("itemId" in target ? { dependsOnItemId: target.itemId } : { dependsOnSectionId: target.sectionId }) }));
  }
  return out;
}

const sectionTarget = (sectionId: string | undefined): DependencyTarget | undefined => (sectionId ? { sectionId } : undefined);
const itemTarget = (itemId: string | undefined): DependencyTarget | undefined => (itemId ? { itemId } : undefined);
