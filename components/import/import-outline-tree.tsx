import { RotateCcw } from "lucide-react";
import type { OutlineCommand, OutlineSection, OutlineStep } from "@/lib/plans/import-outline";

const lineOf = (line: number | undefined) => (line ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">line {line}</span> : null);

function Command({ command }: { command: OutlineCommand }) {
  return (
    <div className="mt-1" data-testid="preview-command">
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {command.language} command{lineOf(command.line)}
      </span>
      <pre className="mt-0.5 overflow-x-auto rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{command.code}</pre>
    </div>
  );
}

function Step({ step }: { step: OutlineStep }) {
  return (
    <li data-testid="preview-step" className="py-0.5">
      <span className="text-sm">
        <span aria-hidden className="mr-1 font-mono text-xs text-slate-500">
          {step.status === "done" ? "[x]" : "[ ]"}
        </span>
        {step.text}
        {step.required ? null : <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(optional)</span>}
        {step.status && step.status !== "done" ? <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">{step.status.replace("_", " ")}</span> : null}
        {lineOf(step.line)}
      </span>
      {step.commands.map((command, index) => (
        <Command key={index} command={command} />
      ))}
      {step.steps.length ? (
        <ul className="ml-5">
          {step.steps.map((child) => (
            <Step key={child.id} step={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function SectionNode({ section }: { section: OutlineSection }) {
  return (
    <li className="mt-2" data-testid="preview-section">
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
        {lineOf(section.line)}
      </div>
      {section.sectionCommands.map((command, index) => (
        <Command key={index} command={command} />
      ))}
      {section.steps.length ? (
        <ul className="ml-1">
          {section.steps.map((step) => (
            <Step key={step.id} step={step} />
          ))}
        </ul>
      ) : null}
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

/** The parsed sections with their steps, each command under the step it follows, and the source line of each. */
export function ImportOutlineTree({ outline }: { outline: OutlineSection[] }) {
  return (
    <ul aria-label="Parsed sections" className="max-h-[40rem] overflow-auto">
      {outline.map((section) => (
        <SectionNode key={section.id} section={section} />
      ))}
    </ul>
  );
}
