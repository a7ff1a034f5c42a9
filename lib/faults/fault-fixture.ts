import { db } from "@/lib/db";
import { parsePlanMarkdown } from "@/lib/import/parse-plan-markdown";
import { createPlanFromDocument } from "@/lib/plans/create-plan";

/** A plan of `items` plain steps, a lead and an executor: the smallest run two people can tick together. */
export async function createTickingPlan(items: number): Promise<{
  planId: string;
  itemIds: string[];
  lead: { id: string; name: string };
  executor: { id: string; name: string };
}> {
  const markdown = `# Fault test plan\n\n## Steps\n${Array.from({ length: items }, (_, index) => `- [ ] Step ${index + 1}`).join("\n")}\n`;
  const lead = await db().user.create({ data: { name: "Lee Lead", email: "lead@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  const executor = await db().user.create({ data: { name: "Eve Executor", email: "exec@example.com", passwordHash: "not-used" }, select: { id: true, name: true } });
  const planId = (await createPlanFromDocument({ document: parsePlanMarkdown(markdown).document, createdById: lead.id })).id;
  await db().planMember.create({ data: { planId, userId: executor.id, role: "EXECUTOR" } });
  const itemIds = (await db().planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true } })).map((item) => item.id);
  return { planId, itemIds, lead, executor };
}

/** A status change of one item, made against the version the sender last saw. */
export const setStatus = (itemId: string, expectedVersion: number, status: "DONE" | "PENDING" = expectedVersion % 2 === 0 ? "DONE" : "PENDING") => ({
  type: "item.status",
  itemId,
  status,
  expectedVersion,
});

/** What the database holds for the plan: events in order, the item change behind each, and each item's state. */
export async function storedRun(planId: string) {
  const [plan, events, items] = await Promise.all([
    db().plan.findUniqueOrThrow({ where: { id: planId }, select: { lastSeq: true } }),
    db().planEvent.findMany({ where: { planId }, orderBy: { seq: "asc" }, select: { seq: true, type: true, payload: true } }),
    db().planItem.findMany({ where: { planId }, select: { id: true, status: true, version: true } }),
  ]);
  const changeOf = (payload: unknown) => (payload as { event?: { item?: { id: string; version: number } } } | null)?.event?.item;
  const changeBySeq = new Map<number, { itemId: string; version: number }>();
  const eventsPerChange = new Map<string, number>();
  const eventsPerItem = new Map<string, number>();
  for (const event of events) {
    const item = event.type === "item.changed" ? changeOf(event.payload) : undefined;
    if (!item) continue;
    changeBySeq.set(event.seq, { itemId: item.id, version: item.version });
    eventsPerChange.set(`${item.id}@${item.version}`, (eventsPerChange.get(`${item.id}@${item.version}`) ?? 0) + 1);
    eventsPerItem.set(item.id, (eventsPerItem.get(item.id) ?? 0) + 1);
  }
  const seqs = events.map((event) => event.seq);
  return {
    lastSeq: plan.lastSeq,
    seqs,
    gapFree: seqs.every((seq, index) => seq === index + 1) && plan.lastSeq === seqs.length,
    changeBySeq,
    /** Changes (an item moving to a version) recorded more than once. */
    duplicated: [...eventsPerChange.values()].filter((count) => count > 1).length,
    /** Items whose stored version is not the number of their change events: a write without its event, or the reverse. */
    halfWritten: items.filter((item) => item.version !== (eventsPerItem.get(item.id) ?? 0)).length,
    items: new Map(items.map((item) => [item.id, item])),
  };
}
