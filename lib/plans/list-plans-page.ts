import { z } from "zod";
import { db } from "@/lib/db";
import { planSummarySelect, visibleTo } from "@/lib/plans/list-plans";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `?cursor&limit` of a paginated list: the cursor is the last id of the page before. */
export const planPageQuerySchema = z.object({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} at a time.`).default(DEFAULT_PAGE_SIZE),
});
export type PlanPageQuery = z.infer<typeof planPageQuerySchema>;

/**
 * One page of the plans the user can see, newest first. Ordered by creation (which never
 * changes) and id, so paging stays stable while plans are being worked on. `onlyPlanIds`
 * narrows it to a token's plans.
 */
export async function listPlansPage(user: { id: string; role: "ADMIN" | "MEMBER" }, query: PlanPageQuery, onlyPlanIds: string[] = []) {
  const rows = await db().plan.findMany({
    where: { AND: [visibleTo(user), ...(onlyPlanIds.length ? [{ id: { in: onlyPlanIds } }] : [])] },
    select: { ...planSummarySelect, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items.at(-1)!.id : null };
}
