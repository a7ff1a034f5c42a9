"use client";

import { formatCheckLine } from "@/lib/checks/check-line";
import { DndContext, PointerSensor, closestCenter, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { EditorItemRow, type ItemRowAction } from "@/components/editor/editor-item-row";
import type { EditorItem, EditorSection, ItemFields, StructuralChange } from "@/components/editor/editor-types";
import { changedItemFields, formValuesOf } from "@/components/editor/item-fields";
import { ItemForm } from "@/components/editor/item-form";
import { SectionHeader } from "@/components/editor/section-header";
import { changedPlanning, EMPTY_PLANNING, planningForAdd, planningFormValuesOf, planningSummarizer, type PlanningOptions } from "@/components/editor/planning-fields";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";
import { itemEditRights, sectionEditRights, type EditMode } from "@/lib/plan-editor/edit-rights";
import { deleteSectionQuestion } from "@/lib/plan-editor/delete-section-question";
import { dropItemPlacement, keyboardItemMove, sectionSubtreeIds, type ItemPlacement, type OutlineKey } from "@/lib/plan-editor/outline-moves";

/** Where the add-step form is open: after a step, under it, or at the end of a section. */
type AddingAt = { sectionId: string; afterItemId?: string; parentItemId?: string };

export type SendStructural = (change: StructuralChange) => Promise<{ ok: true } | { ok: false; message: string }>;

const EMPTY_STEP: ItemFields = { text: "", notes: "", commands: [], required: true, critical: false, metric: null };

/**
 * The plan's sections and steps, editable in place by the lead. Every edit is one plan change
 * sent the way ticks are (socket, else HTTP); the page then shows the plan as the server has
 * it. What is offered follows the plan's status (lib/plan-editor/edit-rights.ts).
 */
export function PlanEditor({
  sections,
  mode,
  send,
  planningOptions,
  subject = "plan",
}: {
  sections: EditorSection[];
  mode: EditMode;
  send: SendStructural;
  planningOptions: PlanningOptions;
  /** A template is edited with the same editor; it has no history, so no undo. */
  subject?: "plan" | "template";
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<AddingAt | null>(null);
  const [deleting, setDeleting] = useState<EditorSection | null>(null);
  const [newSection, setNewSection] = useState("");
  const [error, setError] = useState<string | null>(null);
  const summarize = useMemo(() => planningSummarizer(planningOptions), [planningOptions]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  /** Sends one change; resolves to the server's refusal (null when applied). */
  const sendChange = async (change: StructuralChange): Promise<string | null> => {
    const answer = await send(change);
    if (!answer.ok) return answer.message;
    // The structure is rendered by the server: fetch it again with the change in it.
    router.refresh();
    return null;
  };
  // Edits without a form of their own (moves, deletes, undo, sections) show a refusal above the plan.
  const submit = async (change: StructuralChange): Promise<boolean> => {
    setError(null);
    const refusal = await sendChange(change);
    if (refusal) setError(refusal);
    return refusal === null;
  };
  // A step's form shows the refusal in itself and stays open.
  const planningOf = (initial: typeof EMPTY_PLANNING) => ({ initial: planningFormValuesOf(initial), options: planningOptions });

  const undo = () => void submit({ type: "plan.undo" });
  // Ctrl+Z (⌘Z) undoes the lead's last structural edit, except while typing in a field.
  useEffect(() => {
    if (subject !== "plan") return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const items = new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)));
  const moveItem = (item: EditorItem, placement: ItemPlacement | null) => {
    if (!placement) return;
    void submit({ type: "item.move", itemId: item.id, expectedVersion: item.version, ...placement });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = items.get(String(active.id));
    if (!item || !over) return;
    const overId = String(over.id);
    moveItem(item, dropItemPlacement(sections, item.id, overId.startsWith("section:") ? { overSectionId: overId.slice("section:".length) } : { overId }));
  };

  const rowAction = (section: EditorSection, item: EditorItem, action: ItemRowAction) => {
    setError(null);
    if (action === "edit") return setEditing(item.id);
    if (action === "add-after") return setAdding({ sectionId: section.id, afterItemId: item.id, ...(item.parentItemId ? { parentItemId: item.parentItemId } : {}) });
    if (action === "add-child") return setAdding({ sectionId: section.id, parentItemId: item.id });
    void submit({ type: "item.remove", itemId: item.id, expectedVersion: item.version });
  };

  const addForm = (at: AddingAt) => (
    <ItemForm
      initial={formValuesOf(EMPTY_STEP)}
      submitLabel="Add step"
      textOnly={mode === "run"}
      onCancel={() => setAdding(null)}
      planning={planningOf(EMPTY_PLANNING)}
      onSubmit={async (fields, planning) => {
        const { metric, ...rest } = fields;
        const refusal = await sendChange({ type: "item.add", ...at, ...rest, ...(metric ? { metric } : {}), ...planningForAdd(planning ?? EMPTY_PLANNING) });
        if (!refusal) setAdding(null);
        return refusal;
      }}
    />
  );
  const isAddingAt = (at: AddingAt) => adding?.sectionId === at.sectionId && adding.afterItemId === at.afterItemId && adding.parentItemId === at.parentItemId;

  return (
    <div className="space-y-4" data-testid="plan-editor">
      <div className={`${cardStyles} flex flex-wrap items-center justify-between gap-3 p-3`}>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {mode === "run"
            ? "The deployment is running: you can add steps and edit the text of pending ones."
            : `Editing the ${subject}. Drag steps by their handle, or focus one and use Alt+↑/↓ to move, Alt+→/← to nest.`}
        </p>
        {subject === "plan" ? (
          <button type="button" className={buttonStyles.secondary} onClick={undo} title="Undo my last edit (Ctrl+Z)">
            <Undo2 aria-hidden className="size-4" /> Undo
          </button>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </div>
      ) : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        {sections.map((section) => {
          const settled = sectionSubtreeIds(sections, section.id).reduce(
            (count, id) => count + (sections.find((other) => other.id === id)?.items.filter((item) => item.status !== "PENDING").length ?? 0),
            0,
          );
          const rights = sectionEditRights(mode, settled);
          const end: AddingAt = { sectionId: section.id };
          return (
            <section key={section.id} className={`${cardStyles} p-4`} style={{ marginLeft: `${section.depth * 1.5}rem` }} aria-label={`Section: ${section.title}`} data-editor-section={section.id}>
              <SectionHeader
                section={section}
                sections={sections}
                rights={rights}
                onSubmit={submit}
                onDelete={() => setDeleting(section)}
              />
              <SortableContext items={section.items.map((item) => item.id)} strategy={verticalListSortingStrategy}>
                <SectionDropList sectionId={section.id} empty={section.items.length === 0}>
                  {section.items.map((item) => {
                    const itemRights = itemEditRights(mode, item.status);
                    const after: AddingAt = { sectionId: section.id, afterItemId: item.id, ...(item.parentItemId ? { parentItemId: item.parentItemId } : {}) };
                    const under: AddingAt = { sectionId: section.id, parentItemId: item.id };
                    return (
                      <EditorItemRow
                        key={item.id}
                        item={item}
                        rights={itemRights}
                        canNest={mode === "full"}
                        planningSummary={summarize(item.planning)}
                        onAction={(action) => rowAction(section, item, action)}
                        onMove={(key: OutlineKey) => moveItem(item, keyboardItemMove(sections, item.id, key))}
                      >
                        {editing === item.id ? (
                          <ItemForm
                            initial={formValuesOf(item)}
                            submitLabel="Save step"
                            textOnly={!itemRights.editDetails}
                            planning={item.status === "PENDING" ? planningOf(item.planning) : undefined}
                            check={itemRights.editDetails ? { initial: item.check ? formatCheckLine(item.check) : "" } : undefined}
                            onCancel={() => setEditing(null)}
                            onSubmit={async (fields, planning, check) => {
                              const changed = changedItemFields(item, fields);
                              const plan = planning ? changedPlanning(item.planning, planning) : {};
                              let version = item.version;
                              if (Object.keys(changed).length) {
                                const refusal = await sendChange({ type: "item.edit", itemId: item.id, expectedVersion: version, ...changed });
                                if (refusal) return refusal;
                                // Each applied change moves the step's version up by one.
                                version += 1;
                              }
                              if (Object.keys(plan).length) {
                                const refusal = await sendChange({ type: "item.plan", itemId: item.id, expectedVersion: version, ...plan });
                                if (refusal) return refusal;
                                version += 1;
                              }
                              if (check !== undefined && (check ? formatCheckLine(check) : "") !== (item.check ? formatCheckLine(item.check) : "")) {
                                const refusal = await sendChange({ type: "item.check", itemId: item.id, expectedVersion: version, check });
                                if (refusal) return refusal;
                              }
                              setEditing(null);
                              return null;
                            }}
                          />
                        ) : null}
                        {isAddingAt(after) ? addForm(after) : null}
                        {isAddingAt(under) ? addForm(under) : null}
                      </EditorItemRow>
                    );
                  })}
                </SectionDropList>
              </SortableContext>
              {rights.addItem ? (
                isAddingAt(end) ? (
                  addForm(end)
                ) : (
                  <button type="button" className={`${buttonStyles.quiet} mt-2`} onClick={() => setAdding(end)}>
                    Add step to {section.title}
                  </button>
                )
              ) : null}
            </section>
          );
        })}
      </DndContext>
      {sectionEditRights(mode, 0).addSection ? (
        <form
          className={`${cardStyles} flex flex-col gap-2 p-4 sm:flex-row sm:items-end`}
          onSubmit={async (event) => {
            event.preventDefault();
            const title = newSection.trim();
            if (!title) return setError("Give the new section a title.");
            const last = sections.filter((section) => section.parentSectionId === null).at(-1);
            if (await submit({ type: "section.add", title, ...(last ? { afterSectionId: last.id } : {}) })) setNewSection("");
          }}
        >
          <div className="grow">
            <label htmlFor="new-section-title" className={fieldStyles.label}>
              New section
            </label>
            <input id="new-section-title" maxLength={200} value={newSection} onChange={(event) => setNewSection(event.target.value)} className={fieldStyles.input} />
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            Add section
          </button>
        </form>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete section ${deleting.title}?`}
          lines={[deleteSectionQuestion(deleting, sections)]}
          confirmLabel="Delete section"
          tone="danger"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const section = deleting;
            setDeleting(null);
            await submit({ type: "section.remove", sectionId: section.id, expectedVersion: section.version });
          }}
        />
      ) : null}
    </div>
  );
}

/** A section's list of steps; an empty one is a drop target of its own. */
function SectionDropList({ sectionId, empty, children }: { sectionId: string; empty: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `section:${sectionId}`, disabled: !empty });
  return (
    <ul ref={setNodeRef} className={`mt-2 divide-y divide-slate-100 dark:divide-slate-800 ${empty ? `min-h-10 rounded border border-dashed ${isOver ? "border-indigo-400" : "border-slate-300 dark:border-slate-700"}` : ""}`}>
      {children}
    </ul>
  );
}
