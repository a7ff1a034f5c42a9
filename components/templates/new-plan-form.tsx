"use client";

import { useActionState, useSyncExternalStore } from "react";
import { createPlanFromTemplateAction, type NewPlanState } from "@/app/(app)/templates/[templateId]/new/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { PersonSelect, type PersonOption } from "@/components/templates/person-select";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { TemplateField } from "@/lib/templates/create-plan-from-template";
import { PLACEHOLDER_FIELD_PREFIX, TITLE_HOLDER_FIELD_PREFIX } from "@/lib/validations/new-plan";

const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The fields that vary between runs of a template. The deploy lead and the holder of each
 * sign-off title the template's gates need are picked from people; they join the plan.
 */
export function NewPlanForm({ templateId, defaultLeadId, ownFields, people, titles }: { templateId: string; defaultLeadId: string; ownFields: TemplateField[]; people: PersonOption[]; titles: string[] }) {
  const [state, formAction, pending] = useActionState<NewPlanState, FormData>(createPlanFromTemplateAction, {});
  // The window is entered in the browser's time zone; the zone travels with it.
  const timeZone = useSyncExternalStore(neverChanges, browserTimeZone, () => "");
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert message={state.error} />
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField name="feature" label="Feature or service" required defaultValue={value("feature")} error={state.fieldErrors?.feature} />
      <TextField name="version" label="Version or release" required defaultValue={value("version")} error={state.fieldErrors?.version} />
      <TextField name="environment" label="Environment" required defaultValue={value("environment", "production")} error={state.fieldErrors?.environment} list="environments" />
      <datalist id="environments">
        <option value="production" />
        <option value="staging" />
        <option value="qa" />
      </datalist>
      <TextField name="windowStart" label="Window start" type="datetime-local" defaultValue={value("windowStart")} error={state.fieldErrors?.windowStart} />
      <PersonSelect name="deployLeadId" label="Deploy lead" people={people} defaultValue={value("deployLeadId", defaultLeadId)} error={state.fieldErrors?.deployLeadId} />
      {/* The template's own placeholders ({{previous_version}}, …): each must be filled. */}
      {ownFields.map((field) => {
        const name = `${PLACEHOLDER_FIELD_PREFIX}${field.name}`;
        return <TextField key={name} name={name} label={field.label} required defaultValue={value(name)} error={state.fieldErrors?.[name]} />;
      })}
      {titles.length ? (
        <fieldset className="space-y-3">
          <legend className={fieldStyles.label}>Who signs off</legend>
          <p className="text-xs text-slate-600 dark:text-slate-400">Each person picked joins the plan as an approver holding that title. You can change this later under People and sharing.</p>
          {titles.map((title) => {
            const name = `${TITLE_HOLDER_FIELD_PREFIX}${title}`;
            return <PersonSelect key={name} name={name} label={title} people={people} defaultValue={value(name)} emptyLabel="Nobody yet" error={state.fieldErrors?.[name]} />;
          })}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="copyHoldersFromLastPlan" defaultChecked={value("copyHoldersFromLastPlan") === "on"} className="mt-1" />
            For titles left at “Nobody yet”, take the holders of the last plan of the same service
          </label>
        </fieldset>
      ) : null}
      <button type="submit" className={buttonStyles.primary} disabled={pending}>
        {pending ? "Creating…" : "Create plan"}
      </button>
    </form>
  );
}
