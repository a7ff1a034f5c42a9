import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { authenticatedRoute } from "@/lib/http/api-route";
import { actorOf, assertMayRead } from "@/lib/plan-state/plan-access";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";

/** The plan's live state and the sequence number it corresponds to. */
export const GET = authenticatedRoute<{ planId: string }>(async ({ params, user }) => {
  await assertMayRead(params.planId, actorOf(user));
  const state = await loadLiveState(params.planId);
  if (!state) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  return NextResponse.json({ state }, { headers: { "Cache-Control": "no-store" } });
});
