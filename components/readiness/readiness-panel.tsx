"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { PlanEventMessage } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { ReadinessProblem } from "@/lib/readiness/plan-readiness";

/** Changes that can make a plan ready or unready: who holds which title, quorums, self-approval. */
const READINESS_EVENTS: ReadonlySet<PlanEventMessage["event"]["type"]> = new Set(["member.set", "member.removed", "gate.configured", "plan.edited"]);

type Loaded = { problems: ReadinessProblem[] } | { error: string };

/**
 * The readiness check before Schedule and Start, beside the lifecycle buttons: every title
 * nobody holds, every gate that can never be satisfied, every measured step without a target,
 * with a link to the members page to fix titles. Asked again of the server whenever a member,
 * a title, a quorum or the self-approval setting changes, so it stays live.
 */
export function ReadinessPanel({ planId, status, activity }: { planId: string; status: PlanStatusName; activity: readonly PlanEventMessage[] }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const beforeStart = status === "DRAFT" || status === "SCHEDULED";
  // The newest event that can change the answer; a new one means asking again.
  const version = activity.find((message) => READINESS_EVENTS.has(message.event.type))?.seq ?? 0;

  useEffect(() => {
    if (!beforeStart) return;
    const controller = new AbortController();
    fetch(`/api/plans/${planId}/readiness`, { cache: "no-store", signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        setLoaded((await response.json()) as { problems: ReadinessProblem[] });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ error: `The readiness check could not be loaded (${error instanceof Error ? error.message : "network"}). Reload to try again.` });
      });
    return () => controller.abort();
  }, [planId, beforeStart, version]);

  if (!beforeStart || !loaded) return null;
  if ("error" in loaded) {
    return (
      <p role="status" className="text-sm text-red-800 dark:text-red-300">
        {loaded.error}
      </p>
    );
  }
  if (!loaded.problems.length) {
    return (
      <p data-testid="readiness" className="text-sm text-emerald-800 dark:text-emerald-300">
        Ready: every sign-off title has a member who can sign, and every measured step has a target.
      </p>
    );
  }
  const titles = loaded.problems.some((problem) => problem.kind !== "measure-without-target");
  return (
    <section data-testid="readiness" aria-labelledby="readiness-title" className="max-w-2xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <h2 id="readiness-title" className="font-semibold">
        Not ready to schedule or start ({loaded.problems.length} {loaded.problems.length === 1 ? "problem" : "problems"})
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {loaded.problems.map((problem) => (
          <li key={problem.kind === "title-unheld" ? `title:${problem.title}` : problem.kind === "gate-unsatisfiable" ? `gate:${problem.gateId}` : `item:${problem.itemId}`}>{problem.message}</li>
        ))}
      </ul>
      {titles ? (
        <p className="mt-2">
          {/* inline-block: on a phone the link gets the 44 px touch height (app/globals.css) inside its sentence. */}
          <Link href={`/plans/${planId}/members`} className="inline-block font-medium underline">
            Give the titles on the members page
          </Link>
          , or let the lead go ahead with a reason.
        </p>
      ) : null}
    </section>
  );
}
