"use client";

import { useActionState, useSyncExternalStore } from "react";
import { createPlanFromTemplateAction, type NewPlanState } from "@/app/(app)/templates/[templateId]/new/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { TemplateField } from "@/lib/templates/create-plan-from-template";
import { PLACEHOLDER_FIELD_PREFIX } from "@/lib/validations/new-plan";

const neverChanges = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function NewPlanForm({ templateId, defaultLead, ownFields }: { templateId: string; defaultLead: string; ownFields: TemplateField[] }) {
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
      <TextField name="deployLead" label="Deploy lead" defaultValue={value("deployLead", defaultLead)} error={state.fieldErrors?.deployLead} />
      {/* The template's own placeholders ({{previous_version}}, …): each must be filled. */}
      {ownFields.map((field) => {
        const name = `${PLACEHOLDER_FIELD_PREFIX}${field.name}`;
        return <TextField key={name} name={name} label={field.label} required defaultValue={value(name)} error={state.fieldErrors?.[name]} />;
      })}
      <button type="submit" className={buttonStyles.primary} disabled={pending}>
        {pending ? "Creating…" : "Create plan"}
      </button>
    </form>
  );
}
