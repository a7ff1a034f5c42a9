import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanDocument, PlanItem } from "@/lib/plan-document/schema";
import { allItems } from "@/lib/plan-document/walk";
import { findDependencyCycle, indexGraph, type DependencyTarget, type GraphItem } from "@/lib/planning/dependency-graph";

type Tx = Prisma.TransactionClient;

interface CreatedRows {
  sections: readonly { id: string; documentKey: string; title: string; parentId: string | null }[];
  items: readonly { id: string; documentKey: string; text: string; sectionId: string }[];
}

const SECTION_PREFIX = "section ";
const fold = (text: string) => text.trim().toLowerCase();
/** "@Lee Lead" and "Lee Lead" name the same person. */
const ownerKey = (written: string) => fold(written.trim().startsWith("@") ? written.trim().slice(1) : written);

/**
 * Owners and dependencies a new plan's document names ("Owner: …", "Depends on: …" under a
 * step, or the step's "(owner: …)" / "@name"), resolved once the plan's rows exist, in its
 * creation transaction. An owner is an active account named by email or by its unique name
 * (added to the plan as an executor when not on it yet, so they can tick their steps) or a
 * sign-off title the plan knows; anything else is left out. A dependency is a step's text or
 * id, or "section <title>"; unknown ones and ones that would close a loop are left out.
 */
export async function writeImportedPlanning(tx: Tx, planId: string, document: PlanDocument, rows: CreatedRows): Promise<void> {
  const byKey = new Map(allItems(document).map((item) => [item.id, item]));
  const named = rows.items.map((row) => ({ row, source: byKey.get(row.documentKey) })).filter((entry): entry is { row: CreatedRows["items"][number]; source: PlanItem } => Boolean(entry.source));
  const ownerNames = (item: PlanItem) => item.owners ?? (item.assignee ? [item.assignee] : []);
  if (!named.some(({ source }) => ownerNames(source).length || source.dependsOn?.length)) return;

  const resolveOwner = await ownerResolver(tx, planId, [...new Set(named.flatMap(({ source }) => ownerNames(source).map(ownerKey)))]);
  const ownerRows = named.flatMap(({ row, source }) => {
    const seen = new Set<string>();
    return ownerNames(source)
      .map(resolveOwner)
      .filter((owner): owner is { userId: string } | { title: string } => owner !== undefined)
      .filter((owner) => {
        const key = "userId" in owner ? `u:${owner.userId}` : `t:${owner.title}`;
        return seen.has(key) ? false : (seen.add(key), true);
      })
      .map((owner, position) => ({ planId, itemId: row.id, position, ...owner }));
  });
  const members = new Set((await tx.planMember.findMany({ where: { planId }, select: { userId: true } })).map((member) => member.userId));
  const newcomers = [...new Set(ownerRows.flatMap((owner) => ("userId" in owner && !members.has(owner.userId) ? [owner.userId] : [])))];
  if (newcomers.length) await tx.planMember.createMany({ data: newcomers.map((userId) => ({ planId, userId, role: "EXECUTOR" as const })) });
  if (ownerRows.length) await tx.planItemOwner.createMany({ data: ownerRows });

  const dependencyRows = resolveDependencies(rows, named);
  if (dependencyRows.length) await tx.planItemDependency.createMany({ data: dependencyRows.map((row) => ({ planId, ...row })) });
}

async function ownerResolver(tx: Tx, planId: string, folded: string[]) {
  const [users, roles, members] = await Promise.all([
    tx.$queryRaw<{ id: string; name: string; email: string }[]>`
      SELECT id, name, email FROM "User" WHERE active AND (lower(email) = ANY(${folded}) OR lower(name) = ANY(${folded}))`,
    tx.gateRole.findMany({ where: { gate: { planId } }, select: { title: true } }),
    tx.planMember.findMany({ where: { planId }, select: { titles: true } }),
  ]);
  const byEmail = new Map(users.map((user) => [fold(user.email), user.id]));
  const byName = new Map<string, string | null>();
  // A name two accounts share names nobody in particular.
  for (const user of users) byName.set(fold(user.name), byName.has(fold(user.name)) ? null : user.id);
  const titles = new Map([...roles.map((role) => role.title), ...members.flatMap((member) => member.titles)].map((title) => [fold(title), title]));
  return (written: string): { userId: string } | { title: string } | undefined => {
    const key = ownerKey(written);
    const userId = byEmail.get(key) ?? byName.get(key);
    if (userId) return { userId };
    const title = titles.get(key);
    return title ? { title } : undefined;
  };
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
