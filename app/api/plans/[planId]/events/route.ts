import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";
import { eventsAfter } from "@/lib/plan-state/read-plan-state";

const querySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** The plan's events after sequence number `after`, in order (409 when a snapshot reload is due). */
export const GET = authenticatedRoute<{ planId: string }>(async ({ request, params, user }) => {
  const { after } = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  await assertMayRead(params.planId, actorOf(user));
  const events = await eventsAfter(params.planId, after);
  if (!events) throw new AppError("conflict", "Too many events to replay; load the plan's current state instead.");
  return NextResponse.json({ events });
});
