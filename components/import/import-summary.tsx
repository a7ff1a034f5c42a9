import type { ParseResult } from "@/lib/import/parse-plan-markdown";

const LABELS: [keyof ParseResult["summary"], string][] = [
  ["sections", "Sections"],
  ["items", "Items"],
  ["checkedItems", "Already checked"],
  ["commands", "Commands"],
  ["timelineRows", "Timeline rows"],
  ["riskRows", "Risks"],
  ["contactRows", "Contacts"],
  ["monitoringRows", "Monitoring rows"],
  ["commsTemplates", "Message templates"],
  ["gates", "Gates"],
  ["signoffRoles", "Sign-off roles"],
  ["rollbackTriggers", "Rollback triggers"],
  ["unrecognizedBlocks", "Unrecognised blocks"],
];

/** The counts of an import preview, each labelled so tests and people can read them. */
export function ImportSummary({ summary }: { summary: ParseResult["summary"] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {LABELS.map(([key, label]) => (
        <div
          key={key}
          data-testid={`count-${key}`}
          className={`rounded-lg border px-3 py-2 ${
            key === "unrecognizedBlocks" && summary[key] > 0
              ? "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950"
              : "border-slate-200 dark:border-slate-800"
          }`}
        >
          <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{summary[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
