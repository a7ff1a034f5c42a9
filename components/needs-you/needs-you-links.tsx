import { BellRing } from "lucide-react";
import Link from "next/link";
import type { NeedsYouEntry } from "@/lib/needs-you/needs-you";

/** The page anchor of a gate on the plan page (the gates panel gives each gate this id). */
export function gateAnchor(gateId: string): string {
  return `gate-${gateId}`;
}

/** "Waiting for your signature as QA Lead on “Pre-deployment sign-off”", each a link to the gate on the plan page. */
export function NeedsYouLinks({ planId, entries, className = "" }: { planId: string; entries: readonly NeedsYouEntry[]; className?: string }) {
  if (!entries.length) return null;
  return (
    <ul aria-label="Waiting for you" className={`space-y-1 ${className}`}>
      {entries.map((entry) => (
        <li key={`${entry.kind}:${entry.gateId}:${entry.kind === "signature" ? entry.title : ""}`}>
          <Link
            href={`/plans/${planId}#${gateAnchor(entry.gateId)}`}
            data-testid="needs-you"
            className="inline-flex items-center gap-1.5 rounded-md bg-indigo-50 px-2 py-1 text-sm font-medium text-indigo-900 hover:underline dark:bg-indigo-950 dark:text-indigo-100"
          >
            <BellRing aria-hidden className="size-4 shrink-0" />
            {entry.message}
          </Link>
        </li>
      ))}
    </ul>
  );
}
