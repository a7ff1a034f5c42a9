"use client";

import { useSortable } from "@dnd-kit/sortable";
import { GripVertical } from "lucide-react";
import type { EditorItem } from "@/components/editor/editor-types";
import { AddedDuringRunBadge } from "@/components/editor/added-during-run-badge";
import { ItemStatusBadge } from "@/components/plan/item-status-badge";
import { InlineMarkdown } from "@/components/markdown/user-markdown";
import type { ItemEditRights } from "@/lib/plan-editor/edit-rights";
import { outlineKeyOf, type OutlineKey } from "@/lib/plan-editor/outline-moves";

const rowButton = "rounded px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

export type ItemRowAction = "edit" | "add-after" | "add-child" | "remove";

/**
 * One step in the editor: drag it by its handle, or focus the row and use Alt+↑/↓ to move
 * and Alt+→/← to nest. Settled steps show their state and cannot be rewritten or moved.
 */
export function EditorItemRow({
  item,
  rights,
  canNest,
  onAction,
  onMove,
  planningSummary,
  children,
}: {
  item: EditorItem;
  /** Owners, what it waits for and planned minutes, in words ("Owners: Devin Ops"). */
  planningSummary?: string[];
  rights: ItemEditRights;
  /** Sub-steps can be added (not during the run). */
  canNest: boolean;
  onAction: (action: ItemRowAction) => void;
  onMove: (key: OutlineKey) => void;
  /** The open edit or add form, if any. */
  children?: React.ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !rights.move });
  return (
    <li
      ref={setNodeRef}
      data-editor-item={item.id}
      tabIndex={0}
      aria-label={`Step: ${item.text}${rights.move ? " (Alt+arrows move it)" : ""}`}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition, paddingLeft: `${item.depth * 1.5}rem` }}
      className={`py-2 outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500 ${isDragging ? "opacity-60" : ""}`}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        const key = outlineKeyOf(event);
        if (!key || !rights.move) return;
        event.preventDefault();
        onMove(key);
      }}
    >
      <div className="flex items-start gap-2">
        {rights.move ? (
          <button ref={setActivatorNodeRef} type="button" className="mt-0.5 cursor-grab rounded text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={`Drag ${item.text}`} {...attributes} {...listeners}>
            <GripVertical aria-hidden className="size-4" />
          </button>
        ) : (
          <span className="mt-0.5">
            <ItemStatusBadge status={item.status} />
          </span>
        )}
        <div className="min-w-0 flex-1">
          <p className="text-sm">
            <span data-role="item-text">
              <InlineMarkdown text={item.text} />
            </span>
            {item.critical ? <span className="ml-1.5 rounded bg-red-50 px-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">Critical</span> : null}
            {!item.required ? <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">(optional)</span> : null}
            {item.addedDuringRun ? <AddedDuringRunBadge /> : null}
          </p>
          {planningSummary?.length ? (
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400" data-role="editor-planning">
              {planningSummary.join(" · ")}
            </p>
          ) : null}
          <div className="mt-1 flex flex-wrap gap-1">
            {rights.editText ? (
              <button type="button" className={rowButton} onClick={() => onAction("edit")}>
                Edit
              </button>
            ) : null}
            {rights.addNext ? (
              <button type="button" className={rowButton} onClick={() => onAction("add-after")}>
                Add step below
              </button>
            ) : null}
            {rights.addNext && canNest ? (
              <button type="button" className={rowButton} onClick={() => onAction("add-child")}>
                Add sub-step
              </button>
            ) : null}
            {rights.remove ? (
              <button type="button" className={`${rowButton} text-red-700 dark:text-red-300`} onClick={() => onAction("remove")}>
                Delete
              </button>
            ) : null}
          </div>
          {children}
        </div>
      </div>
    </li>
  );
}
