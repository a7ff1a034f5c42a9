import type { PlanEventMessage } from "@/lib/plan-state/events";
import { formatInZone } from "@/lib/time/format-time";

type PostedUpdate = PlanEventMessage & { event: { type: "status-update.posted"; text: string; messageName: string | null } };

/** The status updates among a plan's recent events, newest first. */
export function statusUpdatesIn(activity: readonly PlanEventMessage[]): PostedUpdate[] {
  return activity.filter((message): message is PostedUpdate => message.event.type === "status-update.posted");
}

/**
 * The updates written for stakeholders, on the big screen (the latest only) and a share link's
 * page (all recent ones). Large type: the screen is read from across a room.
 */
export function StatusUpdateList({ activity, zone, latestOnly }: { activity: readonly PlanEventMessage[]; zone: string; latestOnly?: boolean }) {
  const updates = statusUpdatesIn(activity);
  const shown = latestOnly ? updates.slice(0, 1) : updates;
  return (
    <section aria-labelledby="screen-status-updates">
      <h2 id="screen-status-updates" className="text-xl uppercase tracking-wide text-slate-400">
        {latestOnly ? "Latest status update" : "Status updates"}
      </h2>
      {shown.length ? (
        <ol className="mt-3 space-y-4 text-xl" data-testid="status-updates">
          {shown.map((message) => (
            <li key={message.seq} className="rounded-lg border border-slate-700 p-3">
              <time dateTime={message.at} className="block font-mono text-lg tabular-nums text-slate-400">
                {formatInZone(new Date(message.at), zone, { withDate: false, withZone: false })}
              </time>
              <p className="whitespace-pre-wrap">{message.event.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-xl text-slate-400">No status update yet.</p>
      )}
    </section>
  );
}
