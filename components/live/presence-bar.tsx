import type { ConnectionState } from "@/components/live/use-plan-live";
import type { PresenceEntry } from "@/lib/realtime/socket-contract";

const CONNECTION: Record<ConnectionState, { label: string; dot: string }> = {
  connecting: { label: "Connecting…", dot: "bg-slate-400" },
  live: { label: "Live", dot: "bg-emerald-500" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500" },
  unavailable: { label: "Database unavailable, retrying…", dot: "bg-amber-500" },
  offline: { label: "Offline", dot: "bg-red-500" },
  removed: { label: "You were removed from this plan; it no longer updates", dot: "bg-red-500" },
};

function initials(name: string) {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

/** Who is watching now (dimmed when idle) and whether this page is live. */
export function PresenceBar({ people, connection }: { people: PresenceEntry[]; connection: ConnectionState }) {
  const status = CONNECTION[connection];
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="inline-flex items-center gap-1.5 text-xs font-medium" role="status" aria-label={`Connection: ${status.label}`} data-connection={connection}>
        <span aria-hidden className={`size-2 rounded-full ${status.dot}`} />
        {status.label}
      </span>
      <ul aria-label="Watching now" className="flex -space-x-1.5">
        {people.map((person) => (
          <li
            key={person.userId}
            title={`${person.name} · ${person.role.toLowerCase()}${person.idle ? " · idle" : ""}`}
            // Idle is shown as a grey, dashed avatar rather than by fading it: faded text fails contrast.
            className={`grid size-7 place-items-center rounded-full border-2 text-[10px] font-semibold ${
              person.idle
                ? "border-dashed border-slate-400 bg-slate-100 text-slate-700 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-200"
                : "border-white bg-indigo-100 text-indigo-900 dark:border-slate-900 dark:bg-indigo-900 dark:text-indigo-100"
            }`}
          >
            <span aria-hidden>{initials(person.name)}</span>
            <span className="sr-only">
              {person.name} ({person.role.toLowerCase()}
              {person.idle ? ", idle" : ""})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
