import { NextResponse } from "next/server";
import { authenticatedRoute } from "@/lib/http/api-route";
import { countChange } from "@/lib/limits/change-rate-limit";
import { runItemCheck } from "@/lib/checks/run-item-check";
import { actorOf } from "@/lib/plan-state/plan-access";

/**
 * POST: run the step's HTTP check now (the lead or an executor; the "Run check" button). The
 * server sends the request through the outbound guard and Automation ticks the step Done or
 * Failed with the result as evidence: 200 `{result, event}`. 422 when the step has no check or
 * its address is refused, 409 when it is settled already.
 */
export const POST = authenticatedRoute<{ planId: string; itemId: string }>(async ({ params, user }) => {
  await countChange(user.id);
  const { result, applied } = await runItemCheck(params.planId, params.itemId, actorOf(user));
  return NextResponse.json({ result, event: applied.message });
});
