import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isValidTimeZone } from "@/lib/time/window";

/** How the dashboard writes instants: relative, on a plan's wall clock, or in UTC. Pure, so the wording is unit-tested. */

/** "in 3 h", "in 45 min", "in 2 d", "20 min ago", "now"; rounded to the nearest unit. */
export function relativeTime(target: Date, now: Date): string {
  const differenceMs = target.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(differenceMs) / 60_000);
  if (minutes < 1) return "now";
  const hours = Math.round(minutes / 60);
  const amount = minutes < 60 ? `${minutes} min` : hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
  return differenceMs > 0 ? `in ${amount}` : `${amount} ago`;
}

/** The instant as the clock on the wall of the plan's time zone shows it; UTC when the zone is missing or unknown. */
export function formatInTimeZone(instant: Date, timeZone: string | null): { text: string; timeZone: string } {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
  return { text: format(new TZDate(instant, zone), "EEE d MMM yyyy, HH:mm"), timeZone: zone };
}

/** Started and finished times: in UTC, as the plan list shows them. */
export function formatUtc(instant: Date): string {
  return `${format(new TZDate(instant, "UTC"), "d MMM yyyy, HH:mm")} UTC`;
}

/** "2026-03" → "Mar 2026". */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  return format(new TZDate(year, monthNumber - 1, 1, "UTC"), "MMM yyyy");
}
