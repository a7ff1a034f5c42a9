import { CopyButton } from "@/components/plan/copy-button";
import type { CodeBlock } from "@/lib/plan-document/schema";

export function CommandBlock({ command }: { command: CodeBlock }) {
  return (
    <div className="mt-2 overflow-hidden rounded-md bg-slate-900 text-slate-100 dark:bg-black">
      <div className="flex items-center justify-between border-b border-slate-700 px-3 py-1">
        <span className="text-xs text-slate-400">{command.language || "text"}</span>
        <CopyButton text={command.code} />
      </div>
      {/* Focusable so keyboard users can scroll long commands sideways. */}
      <pre tabIndex={0} aria-label={`${command.language || "text"} command`} className="overflow-x-auto px-3 py-2 font-mono text-xs leading-relaxed">
        <code>{command.code}</code>
      </pre>
    </div>
  );
}
