"use client";

import { useState } from "react";
import type { EditorSection, StructuralChange } from "@/components/editor/editor-types";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { SectionEditRights } from "@/lib/plan-editor/edit-rights";
import { keyboardSectionMove, outlineKeyOf } from "@/lib/plan-editor/outline-moves";

const headerButton = "rounded px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * A section's title in the editor: rename it, add a sub-section, delete it (the caller asks
 * first), or focus the title and use Alt+↑/↓ to move it, Alt+→/← to nest it.
 */
export function SectionHeader({
  section,
  sections,
  rights,
  onSubmit,
  onDelete,
}: {
  section: EditorSection;
  sections: readonly EditorSection[];
  rights: SectionEditRights;
  onSubmit: (change: StructuralChange) => Promise<boolean>;
  onDelete: () => void;
}) {
  const [form, setForm] = useState<{ kind: "rename" | "add-child"; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `section-title-${section.id}`;

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2
          tabIndex={rights.move ? 0 : undefined}
          aria-label={rights.move ? `${section.title} (Alt+arrows move this section)` : undefined}
          className="rounded text-base font-semibold outline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500"
          onKeyDown={(event) => {
            const key = outlineKeyOf(event);
            if (!key || !rights.move) return;
            event.preventDefault();
            const placement = keyboardSectionMove(sections, section.id, key);
            if (placement) void onSubmit({ type: "section.move", sectionId: section.id, expectedVersion: section.version, ...placement });
          }}
        >
          {section.title}
        </h2>
        <div className="flex flex-wrap gap-1">
          {rights.rename ? (
            <button type="button" className={headerButton} onClick={() => setForm({ kind: "rename", title: section.title })}>
              Rename
            </button>
          ) : null}
          {rights.addSection ? (
            <button type="button" className={headerButton} onClick={() => setForm({ kind: "add-child", title: "" })}>
              Add sub-section
            </button>
          ) : null}
          {rights.remove ? (
            <button type="button" className={`${headerButton} text-red-700 dark:text-red-300`} onClick={onDelete}>
              Delete section
            </button>
          ) : null}
        </div>
      </div>
      {form ? (
        <form
          className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={async (event) => {
            event.preventDefault();
            const title = form.title.trim();
            if (!title) return setProblem("Give the section a title.");
            setProblem(null);
            const lastChild = sections.filter((other) => other.parentSectionId === section.id).at(-1);
            const change: StructuralChange =
              form.kind === "rename"
                ? { type: "section.edit", sectionId: section.id, expectedVersion: section.version, title }
                : { type: "section.add", title, parentSectionId: section.id, ...(lastChild ? { afterSectionId: lastChild.id } : {}) };
            if (await onSubmit(change)) setForm(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setForm(null);
            }
          }}
        >
          <div className="grow">
            <label htmlFor={inputId} className={fieldStyles.label}>
              {form.kind === "rename" ? "Section title" : `New sub-section of ${section.title}`}
            </label>
            <input
              id={inputId}
              autoFocus
              maxLength={200}
              value={form.title}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => setForm({ ...form, title: event.target.value })}
              className={fieldStyles.input}
            />
            {problem ? <p className={fieldStyles.error}>{problem}</p> : null}
          </div>
          <button type="submit" className={buttonStyles.primary}>
            {form.kind === "rename" ? "Save title" : "Add sub-section"}
          </button>
          <button type="button" className={buttonStyles.secondary} onClick={() => setForm(null)}>
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  );
}
