import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/plan-state/plan-access";
import { historyQuerySchema } from "@/lib/plan-history/history-query";
import { readPlanHistory } from "@/lib/plan-history/read-plan-history";

/**
 * The plan's structural edits, newest first (who, when, before and after), the diff of the
 * plan against the document it was created from, and with `?at=<ISO time>` against the plan
 * as it stood then.
 */
export const GET = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const { at } = historyQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const history = await readPlanHistory(params.planId, actorOf(user), at ? { at: new Date(at) } : {});
  return NextResponse.json(history);
});
