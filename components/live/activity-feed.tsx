import { describeEvent } from "@/lib/plan-state/describe-event";
import type { PlanEventMessage } from "@/lib/plan-state/events";

/**
 * Every change, newest first: who, what, when. Times are in the plan's time zone, the one its
 * window is planned in, so the server's render and the browser's agree.
 */
export function ActivityFeed({ activity, itemText, timeZone, limit = 50 }: { activity: PlanEventMessage[]; itemText: (id: string) => string | undefined; timeZone: string; limit?: number }) {
  const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone });
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
