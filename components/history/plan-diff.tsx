import type { DiffPart } from "@/lib/plan-history/diff-outlines";

/** A line diff of the plan: removed lines struck through in red, added ones in green, the rest plain. */
export function PlanDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  const changed = parts.some((part) => part.kind !== "same");
  if (!changed) return <p className="text-sm text-slate-600 dark:text-slate-300">No differences.</p>;
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-md border border-slate-200 bg-white p-3 text-sm leading-6 dark:border-slate-700 dark:bg-slate-900">
      {parts.flatMap((part, partIndex) =>
        part.lines.map((line, lineIndex) => {
          const key = `${partIndex}-${lineIndex}`;
          if (part.kind === "added") return <ins key={key} className="block bg-emerald-50 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-100">{`+ ${line}`}</ins>;
          if (part.kind === "removed") return <del key={key} className="block bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100">{`- ${line}`}</del>;
          return <span key={key} className="block text-slate-700 dark:text-slate-300">{`  ${line}`}</span>;
        }),
      )}
    </pre>
  );
}
