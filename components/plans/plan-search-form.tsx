import Form from "next/form";
import Link from "next/link";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import { PLAN_SEARCH_MAX, type PlanListQuery } from "@/lib/plans/plan-list-query";

/**
 * Search and environment filter as a GET form: the filter lives in the URL, so it survives a
 * reload and can be shared; next/form navigates without a full load when JavaScript runs,
 * and the form still works as a plain form when it does not.
 */
export function PlanSearchForm({ query, environments }: { query: PlanListQuery; environments: string[] }) {
  const choices = query.environment && !environments.includes(query.environment) ? [...environments, query.environment] : environments;
  const active = Boolean(query.search || query.environment);
  return (
    <Form action="/plans" role="search" aria-label="Find plans" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="grow">
        <label htmlFor="plan-search" className={fieldStyles.label}>
          Search
        </label>
        <input
          id="plan-search"
          type="search"
          name="q"
          defaultValue={query.search}
          maxLength={PLAN_SEARCH_MAX}
          placeholder="Title, feature, version, environment or change ticket"
          className={fieldStyles.input}
        />
      </div>
      <div className="sm:w-48">
        <label htmlFor="plan-environment" className={fieldStyles.label}>
          Environment
        </label>
        <select id="plan-environment" name="env" defaultValue={query.environment ?? ""} className={fieldStyles.input}>
          <option value="">All environments</option>
          {choices.map((environment) => (
            <option key={environment} value={environment}>
              {environment}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.secondary}>
          Search
        </button>
        {active ? (
          <Link href="/plans" className={buttonStyles.quiet}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
