import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf } from "@/lib/plan-state/plan-access";
import { readPlanHistory } from "@/lib/plan-history/read-plan-history";

const querySchema = z.object({ at: z.iso.datetime({ offset: true, error: "Give the moment as an ISO 8601 date and time." }).optional() });

/**
 * The plan's structural edits, newest first (who, when, before and after), the diff of the
 * plan against the document it was created from, and with `?at=<ISO time>` against the plan
 * as it stood then.
 */
export const GET = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const { at } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const history = await readPlanHistory(params.planId, actorOf(user), at ? { at: new Date(at) } : {});
  return NextResponse.json(history);
});
