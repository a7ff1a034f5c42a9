"use client";

import { parseCheckLine } from "@/lib/checks/check-line";
import type { HttpCheck } from "@/lib/checks/check-spec";
import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { COMMAND_MAX, ITEM_NOTES_MAX, ITEM_TEXT_MAX, parseItemForm, type ItemFormValues } from "@/components/editor/item-fields";
import type { ItemFields } from "@/components/editor/editor-types";
import { ItemPlanningFields } from "@/components/editor/item-planning-fields";
import { parsePlanningForm, type PlanningFormValues, type PlanningOptions } from "@/components/editor/planning-fields";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import { METRIC_COMPARATORS } from "@/lib/plan-document/schema";

const LANGUAGES = ["", "bash", "sh", "sql", "powershell", "python", "yaml", "json", "http"];

/**
 * A step's fields as a form. `textOnly` during the run, when only a pending step's text may
 * change. Problems show beside their field; nothing is sent until the form is valid. A refusal
 * from the server (a version conflict, a dependency loop) shows in the form, which stays open.
 */
export function ItemForm({
  initial,
  submitLabel,
  textOnly = false,
  planning,
  check,
  onSubmit,
  onCancel,
}: {
  initial: ItemFormValues;
  submitLabel: string;
  textOnly?: boolean;
  /** Owners, "waits for" and planned minutes; left out where they cannot change. */
  planning?: { initial: PlanningFormValues; options: PlanningOptions };
  /** The step's HTTP check as a "Check:" line; left out where it cannot change. */
  check?: { initial: string };
  /** Resolves to the server's refusal, or null when the change was applied. `check` is undefined when the form has no check field. */
  onSubmit: (fields: ItemFields, planning: ItemPlanning | null, check?: HttpCheck | null) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [planningValues, setPlanningValues] = useState(planning?.initial ?? null);
  const [checkLine, setCheckLine] = useState(check?.initial ?? "");
  const [error, setError] = useState<{ field: keyof ItemFormValues | "planning" | "check" | "server"; message: string } | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();
  const set = (patch: Partial<ItemFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const errorFor = (field: keyof ItemFormValues | "planning" | "check") =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className={fieldStyles.error}>
        {error.message}
      </p>
    ) : null;

  return (
    <form
      className="mt-2 space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={async (event) => {
        event.preventDefault();
        if (sending) return;
        const parsed = parseItemForm(values);
        if (!parsed.ok) return setError({ field: parsed.field, message: parsed.message });
        const parsedPlanning = planningValues ? parsePlanningForm(planningValues) : null;
        if (parsedPlanning && !parsedPlanning.ok) return setError({ field: "planning", message: parsedPlanning.message });
        const parsedCheck = check ? (checkLine.trim() ? parseCheckLine(checkLine) : { ok: true as const, check: null }) : undefined;
        if (parsedCheck && !parsedCheck.ok) return setError({ field: "check", message: parsedCheck.message });
        setError(null);
        setSending(true);
        const refusal = await onSubmit(parsed.fields, parsedPlanning?.planning ?? null, parsedCheck?.check);
        setSending(false);
        if (refusal) setError({ field: "server", message: refusal });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div>
        <label htmlFor={`${id}-text`} className={fieldStyles.label}>
          Step
        </label>
        <input
          id={`${id}-text`}
          autoFocus
          maxLength={ITEM_TEXT_MAX}
          value={values.text}
          aria-invalid={error?.field === "text" || undefined}
          aria-describedby={error?.field === "text" ? `${id}-text-error` : undefined}
          onChange={(event) => set({ text: event.target.value })}
          className={fieldStyles.input}
        />
        {errorFor("text")}
      </div>
      {textOnly ? null : (
        <>
          <div>
            <label htmlFor={`${id}-notes`} className={fieldStyles.label}>
              Notes
            </label>
            <textarea id={`${id}-notes`} rows={2} maxLength={ITEM_NOTES_MAX} value={values.notes} onChange={(event) => set({ notes: event.target.value })} className={fieldStyles.input} />
            {errorFor("notes")}
          </div>
          <fieldset className="space-y-2">
            <legend className={fieldStyles.label}>Commands</legend>
            {values.commands.map((command, index) => (
              <div key={index} className="flex items-start gap-2">
                <div className="w-32 shrink-0">
                  <label htmlFor={`${id}-lang-${index}`} className="sr-only">
                    Language of command {index + 1}
                  </label>
                  <select
                    id={`${id}-lang-${index}`}
                    value={command.language}
                    onChange={(event) => set({ commands: values.commands.map((other, at) => (at === index ? { ...other, language: event.target.value } : other)) })}
                    className={fieldStyles.input}
                  >
                    {(LANGUAGES.includes(command.language) ? LANGUAGES : [...LANGUAGES, command.language]).map((language) => (
                      <option key={language} value={language}>
                        {language || "plain text"}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="grow">
                  <label htmlFor={`${id}-code-${index}`} className="sr-only">
                    Command {index + 1}
                  </label>
                  <textarea
                    id={`${id}-code-${index}`}
                    rows={2}
                    maxLength={COMMAND_MAX}
                    value={command.code}
                    onChange={(event) => set({ commands: values.commands.map((other, at) => (at === index ? { ...other, code: event.target.value } : other)) })}
                    className={`${fieldStyles.input} font-mono`}
                  />
                </div>
                <button type="button" className={buttonStyles.quiet} aria-label={`Remove command ${index + 1}`} onClick={() => set({ commands: values.commands.filter((_, at) => at !== index) })}>
                  <X aria-hidden className="size-4" />
                </button>
              </div>
            ))}
            <button type="button" className={buttonStyles.quiet} onClick={() => set({ commands: [...values.commands, { language: "bash", code: "" }] })}>
              <Plus aria-hidden className="size-4" /> Add a command
            </button>
            {errorFor("commands")}
          </fieldset>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={values.required} onChange={(event) => set({ required: event.target.checked })} /> Required
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={values.critical} onChange={(event) => set({ critical: event.target.checked })} /> Critical
            </label>
            <label className="inline-flex items-center gap-2">
              <input
                type="checkbox"
                checked={values.metric !== null}
                onChange={(event) => set({ metric: event.target.checked ? { label: "", unit: "", comparator: "<", target: "" } : null })}
              />{" "}
              Measured value
            </label>
          </div>
          {values.metric ? (
            <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              <legend className="sr-only">Measured target</legend>
              <MetricField id={`${id}-metric-label`} label="Measured" value={values.metric.label} onChange={(label) => set({ metric: { ...values.metric!, label } })} />
              <MetricField id={`${id}-metric-unit`} label="Unit" value={values.metric.unit} onChange={(unit) => set({ metric: { ...values.metric!, unit } })} />
              <div>
                <label htmlFor={`${id}-metric-comparator`} className={fieldStyles.label}>
                  Must be
                </label>
                <select id={`${id}-metric-comparator`} value={values.metric.comparator} onChange={(event) => set({ metric: { ...values.metric!, comparator: event.target.value } })} className={fieldStyles.input}>
                  {METRIC_COMPARATORS.map((comparator) => (
                    <option key={comparator} value={comparator}>
                      {comparator}
                    </option>
                  ))}
                </select>
              </div>
              <MetricField id={`${id}-metric-target`} label="Target" value={values.metric.target} onChange={(target) => set({ metric: { ...values.metric!, target } })} inputMode="decimal" />
              <div className="col-span-full">{errorFor("metric")}</div>
            </fieldset>
          ) : null}
        </>
      )}
      {planning && planningValues ? (
        <ItemPlanningFields id={id} values={planningValues} options={planning.options} onChange={(patch) => setPlanningValues((current) => current && { ...current, ...patch })} error={errorFor("planning")} />
      ) : null}
      {check ? (
        <div>
          <label htmlFor={`${id}-check`} className={fieldStyles.label}>
            HTTP check
          </label>
          <input
            id={`${id}-check`}
            maxLength={3000}
            value={checkLine}
            placeholder='GET https://status.example.com/health expect 200 json /status == "ok"'
            aria-invalid={error?.field === "check" || undefined}
            aria-describedby={`${id}-check-hint${error?.field === "check" ? ` ${id}-check-error` : ""}`}
            onChange={(event) => setCheckLine(event.target.value)}
            className={`${fieldStyles.input} font-mono`}
          />
          <p id={`${id}-check-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            METHOD URL expect STATUS, then optionally contains &quot;text&quot;, json /pointer == value, timeout 10s, retries 2, auto. Empty removes the check.
          </p>
          {errorFor("check")}
        </div>
      ) : null}
      {error?.field === "server" ? (
        <p role="alert" className={fieldStyles.error}>
          {error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.primary} disabled={sending}>
          {submitLabel}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MetricField({ id, label, value, onChange, inputMode }: { id: string; label: string; value: string; onChange: (value: string) => void; inputMode?: "decimal" }) {
  return (
    <div>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      <input id={id} maxLength={100} inputMode={inputMode} value={value} onChange={(event) => onChange(event.target.value)} className={fieldStyles.input} />
    </div>
  );
}
