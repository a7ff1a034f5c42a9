import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanEventMessage } from "@/lib/plan-state/events";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Every change, newest first: who, what, when. */
export function ActivityFeed({ activity, itemText, limit = 50 }: { activity: PlanEventMessage[]; itemText: (id: string) => string | undefined; limit?: number }) {
  if (!activity.length) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Activity" aria-live="polite">
      {activity.slice(0, limit).map((message) => (
        <li key={message.seq} className="text-sm" data-seq={message.seq}>
          <time dateTime={message.at} className="mr-2 text-xs tabular-nums text-slate-600 dark:text-slate-400">
            {timeFormat.format(new Date(message.at))}
          </time>
          {describeEvent(message, itemText)}
        </li>
      ))}
    </ol>
  );
}
