import { RotateCcw } from "lucide-react";
import type { OutlineSection } from "@/lib/plans/import-outline";

function SectionNode({ section }: { section: OutlineSection }) {
  return (
    <li className="mt-1">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{section.title}</span>
        {section.offset ? <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{section.offset}</span> : null}
        {section.isRollback ? (
          <span className="inline-flex items-center gap-1 text-xs text-amber-800 dark:text-amber-300">
            <RotateCcw aria-hidden className="size-3" /> rollback
          </span>
        ) : null}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {section.items} item{section.items === 1 ? "" : "s"}
          {section.checked ? `, ${section.checked} checked` : ""}
          {section.commands ? `, ${section.commands} command${section.commands === 1 ? "" : "s"}` : ""}
        </span>
      </div>
      {section.children.length ? (
        <ul className="ml-4 border-l border-slate-200 pl-3 dark:border-slate-800">
          {section.children.map((child) => (
            <SectionNode key={child.id} section={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The parsed section tree, so a person can check the structure before anything is saved. */
export function ImportOutlineTree({ outline }: { outline: OutlineSection[] }) {
  return (
    <ul aria-label="Parsed sections" className="max-h-[28rem] overflow-auto">
      {outline.map((section) => (
        <SectionNode key={section.id} section={section} />
      ))}
    </ul>
  );
}
