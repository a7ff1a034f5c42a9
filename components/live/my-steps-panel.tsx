"use client";

import { InlineMarkdown } from "@/components/markdown/user-markdown";

interface MyStepsPanelProps {
  upNext: { id: string; text: string }[];
  mineOnly: boolean;
  onMineOnlyChange: (mineOnly: boolean) => void;
}

/**
 * The viewer's own work: a Mine filter for the checklist (steps they own, directly or through
 * a title they hold), and the steps that are theirs to do now.
 */
export function MyStepsPanel({ upNext, mineOnly, onMineOnlyChange }: MyStepsPanelProps) {
  return (
    <section aria-labelledby="up-next-title" className="space-y-2 text-sm" data-testid="up-next">
      <div className="flex items-center justify-between gap-2">
        <h2 id="up-next-title" className="font-semibold">
          Up next for me
        </h2>
        <label className="inline-flex items-center gap-1.5 text-xs">
          <input type="checkbox" checked={mineOnly} onChange={(event) => onMineOnlyChange(event.target.checked)} />
          Mine
        </label>
      </div>
      {upNext.length ? (
        <ol className="list-decimal space-y-1 pl-5">
          {upNext.slice(0, 10).map((step) => (
            <li key={step.id}>
              <button type="button" className="text-left underline-offset-2 hover:underline" onClick={() => focusItem(step.id)}>
                <InlineMarkdown text={step.text} />
              </button>
            </li>
          ))}
          {upNext.length > 10 ? <li className="list-none text-xs text-slate-600 dark:text-slate-400">…and {upNext.length - 10} more</li> : null}
        </ol>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">Nothing of yours is ready to do.</p>
      )}
    </section>
  );
}

/** Brings the step's row into view and gives it the focus, so the checklist keys act on it. */
function focusItem(itemId: string) {
  const row = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
  row?.scrollIntoView({ block: "center" });
  row?.focus();
}
