import Link from "next/link";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";
import type { DashboardFilters } from "@/lib/dashboard/dashboard-filters";
import type { FilterOptions } from "@/lib/dashboard/list-filter-options";
import type { PlanStatus } from "@/lib/generated/prisma/enums";

// The words of components/plans/plan-status-pill.tsx, in lifecycle order.
const STATUS_OPTIONS: { value: PlanStatus; label: string }[] = [
  { value: "DRAFT", label: "Draft" },
  { value: "SCHEDULED", label: "Scheduled" },
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "ROLLING_BACK", label: "Rolling back" },
  { value: "COMPLETE", label: "Complete" },
  { value: "PARTIAL", label: "Partial" },
  { value: "ROLLED_BACK", label: "Rolled back" },
  { value: "ABORTED", label: "Aborted" },
];

/**
 * The filters as a plain GET form: it works without JavaScript, and a filtered dashboard is a
 * URL to bookmark or paste into the incident channel.
 */
export function DashboardFiltersForm({ filters, options, active }: { filters: DashboardFilters; options: FilterOptions; active: boolean }) {
  return (
    <form method="get" action="/dashboard" aria-label="Dashboard filters" className={`${cardStyles} grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end`}>
      <Choice name="environment" label="Environment" value={filters.environment} choices={withCurrent(options.environments, filters.environment)} />
      <Choice name="status" label="Status" value={filters.status} choices={STATUS_OPTIONS} />
      <Choice name="lead" label="Deploy lead" value={filters.lead} choices={withCurrent(options.leads, filters.lead)} />
      <DateField name="from" label="From (UTC)" value={filters.from} />
      <DateField name="to" label="To (UTC)" value={filters.to} />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonStyles.primary}>
          Apply
        </button>
        {active ? (
          <Link href="/dashboard" className={buttonStyles.quiet}>
            Clear
          </Link>
        ) : null}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400 sm:col-span-2 lg:col-span-6">
        Filters apply to every section and chart. The dates match a plan whose window starts or which finished on those days.
      </p>
    </form>
  );
}

/** Keeps a value from a shared link selectable even when no plan in view names it any more. */
function withCurrent(values: string[], current: string | undefined): { value: string; label: string }[] {
  const all = current && !values.includes(current) ? [...values, current] : values;
  return all.map((value) => ({ value, label: value }));
}

function Choice({ name, label, value, choices }: { name: string; label: string; value: string | undefined; choices: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={fieldStyles.label}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={fieldStyles.input}>
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={fieldStyles.label}>
        {label}
      </label>
      <input id={`filter-${name}`} type="date" name={name} defaultValue={value ?? ""} className={fieldStyles.input} />
    </div>
  );
}
