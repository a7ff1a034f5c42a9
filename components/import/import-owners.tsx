import type { ImportOwnersPreview } from "@/lib/planning/preview-import-owners";

/**
 * The owners the document names, as the plan would take them: people not on the plan are
 * proposed (ticked boxes add them as executors; unticked, their names stay in the step's
 * notes), titles become title owners, and names that match nobody are kept in the notes.
 * Sits inside the create form, so the ticks travel with "Create plan".
 */
export function ImportOwners({ owners }: { owners: ImportOwnersPreview }) {
  if (!owners.proposed.length && !owners.unresolved.length && !owners.titles.length) return null;
  return (
    <fieldset className="w-full space-y-2 text-sm" data-testid="import-owners">
      <legend className="font-medium">Step owners in the document</legend>
      {owners.proposed.length ? (
        <div>
          <p className="text-slate-700 dark:text-slate-300">These people have accounts but are not on the plan. Add the ones who should own their steps (as executors):</p>
          <ul className="mt-1 space-y-1">
            {owners.proposed.map((person) => (
              <li key={person.userId}>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name="addOwner" value={person.userId} />
                  {person.name} ({person.email}), {person.steps === 1 ? "1 step" : `${person.steps} steps`}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {owners.titles.length ? <p className="text-slate-700 dark:text-slate-300">Owned by a title (whoever holds it on the plan): {owners.titles.join(", ")}.</p> : null}
      {owners.unresolved.length ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          No person or title matches {owners.unresolved.map((word) => `“${word}”`).join(", ")}: kept in the step&apos;s notes, so you can assign the step on the plan.
        </p>
      ) : null}
    </fieldset>
  );
}
