import { METRIC_COMPARATORS, type MetricComparator } from "@/lib/plan-document/schema";
import type { EditorMetric, ItemFields } from "@/components/editor/editor-types";

/** The step form's raw values, as typed (the metric target still text). */
export interface ItemFormValues {
  text: string;
  notes: string;
  commands: { language: string; code: string }[];
  required: boolean;
  critical: boolean;
  metric: { label: string; unit: string; comparator: string; target: string } | null;
}

export const ITEM_TEXT_MAX = 500;
export const ITEM_NOTES_MAX = 4000;
export const COMMAND_MAX = 8000;

export function formValuesOf(fields: ItemFields): ItemFormValues {
  return {
    text: fields.text,
    notes: fields.notes,
    commands: fields.commands.map((command) => ({ language: command.language ?? "", code: command.code })),
    required: fields.required,
    critical: fields.critical,
    metric: fields.metric ? { ...fields.metric, target: String(fields.metric.target) } : null,
  };
}

export type ParsedItemForm = { ok: true; fields: ItemFields } | { ok: false; field: keyof ItemFormValues; message: string };

/** Checks the form the way the server will, so the lead sees the problem beside the field. */
export function parseItemForm(values: ItemFormValues): ParsedItemForm {
  const text = values.text.trim();
  if (!text) return { ok: false, field: "text", message: "Write what the step does." };
  if (text.length > ITEM_TEXT_MAX) return { ok: false, field: "text", message: `Keep the step under ${ITEM_TEXT_MAX} characters; put the rest in its notes.` };
  if (values.notes.length > ITEM_NOTES_MAX) return { ok: false, field: "notes", message: `Notes can be at most ${ITEM_NOTES_MAX} characters.` };
  const commands = values.commands.filter((command) => command.code.trim());
  if (commands.some((command) => command.code.length > COMMAND_MAX)) return { ok: false, field: "commands", message: `A command can be at most ${COMMAND_MAX} characters.` };
  let metric: EditorMetric | null = null;
  if (values.metric) {
    const target = Number(values.metric.target.replace(",", "."));
    if (!values.metric.label.trim()) return { ok: false, field: "metric", message: "Name what is measured." };
    if (values.metric.target.trim() === "" || !Number.isFinite(target)) return { ok: false, field: "metric", message: "The target must be a number." };
    if (!(METRIC_COMPARATORS as readonly string[]).includes(values.metric.comparator)) return { ok: false, field: "metric", message: "Choose how the value compares with the target." };
    metric = { label: values.metric.label.trim(), unit: values.metric.unit.trim(), comparator: values.metric.comparator as MetricComparator, target };
  }
  return {
    ok: true,
    fields: {
      text,
      notes: values.notes.trim(),
      commands: commands.map((command) => ({ ...(command.language.trim() ? { language: command.language.trim() } : {}), code: command.code })),
      required: values.required,
      critical: values.critical,
      metric,
    },
  };
}

/** Only what changed, for `item.edit` (an empty object: nothing to send). */
export function changedItemFields(before: ItemFields, after: ItemFields): Partial<ItemFields> {
  const changed: Partial<ItemFields> = {};
  if (before.text !== after.text) changed.text = after.text;
  if (before.notes !== after.notes) changed.notes = after.notes;
  if (JSON.stringify(before.commands) !== JSON.stringify(after.commands)) changed.commands = after.commands;
  if (before.required !== after.required) changed.required = after.required;
  if (before.critical !== after.critical) changed.critical = after.critical;
  if (JSON.stringify(before.metric) !== JSON.stringify(after.metric)) changed.metric = after.metric;
  return changed;
}
