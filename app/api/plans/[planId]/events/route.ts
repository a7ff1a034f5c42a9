import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";
import { eventsQuerySchema } from "@/lib/plan-state/events-query";
import { eventsPage } from "@/lib/plan-state/read-plan-state";

/** The plan's events after the cursor's sequence number, in order: `{items, nextCursor}`. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const { cursor, after, limit } = eventsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  await assertMayRead(params.planId, actorOf(user));
  const page = await eventsPage(params.planId, cursor ?? after ?? 0, limit);
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
