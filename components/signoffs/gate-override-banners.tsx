import { describeOverride, type GateOverrideRecord } from "@/lib/signoffs/gate-blocks";

const whenFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "Started without the QA Lead's sign-off: <reason>", one line per override, on every view of the plan. */
export function GateOverrideBanners({ overrides }: { overrides: readonly GateOverrideRecord[] }) {
  return (
    <ul aria-label="Sign-off overrides" className="space-y-1">
      {overrides.map((override) => (
        <li key={override.id} data-testid="gate-override" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {describeOverride(override)}
          <span className="text-xs text-amber-800 dark:text-amber-200">
            {" "}
            ({override.byName ? `${override.byName}, ` : ""}
            {whenFormat.format(new Date(override.at))} UTC)
          </span>
        </li>
      ))}
    </ul>
  );
}
