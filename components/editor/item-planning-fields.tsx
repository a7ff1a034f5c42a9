"use client";

import { useState } from "react";
import type { PlanningFormValues, PlanningOptions } from "@/components/editor/planning-fields";
import { fieldStyles } from "@/components/ui/styles";

/**
 * Owners (members and sign-off titles), what the step waits for (steps and sections, filtered
 * by a search box so a long plan stays usable) and planned minutes, in the step form.
 */
export function ItemPlanningFields({
  id,
  values,
  options,
  onChange,
  error,
}: {
  id: string;
  values: PlanningFormValues;
  options: PlanningOptions;
  onChange: (patch: Partial<PlanningFormValues>) => void;
  error: React.ReactNode;
}) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  // Chosen targets always stay in the list, so filtering never drops a selection.
  const targets = options.targets.filter((target) => !needle || values.dependsOn.includes(target.key) || target.label.toLowerCase().includes(needle));
  const selected = (event: React.ChangeEvent<HTMLSelectElement>) => [...event.target.selectedOptions].map((option) => option.value);
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_1fr_8rem]">
      <div>
        <label htmlFor={`${id}-owners`} className={fieldStyles.label}>
          Owners
        </label>
        <select id={`${id}-owners`} multiple size={Math.min(5, Math.max(2, options.owners.length))} value={values.owners} onChange={(event) => onChange({ owners: selected(event) })} className={fieldStyles.input}>
          {options.owners.map((owner) => (
            <option key={owner.key} value={owner.key}>
              {owner.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-waits-for`} className={fieldStyles.label}>
          Waits for
        </label>
        <input
          type="search"
          aria-label="Search steps and sections to wait for"
          placeholder="Search steps and sections"
          maxLength={100}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className={fieldStyles.input}
        />
        <select id={`${id}-waits-for`} multiple size={5} value={values.dependsOn} onChange={(event) => onChange({ dependsOn: selected(event) })} className={fieldStyles.input}>
          {targets.map((target) => (
            <option key={target.key} value={target.key}>
              {target.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-minutes`} className={fieldStyles.label}>
          Planned minutes
        </label>
        <input id={`${id}-minutes`} inputMode="numeric" maxLength={6} value={values.plannedMinutes} onChange={(event) => onChange({ plannedMinutes: event.target.value })} className={fieldStyles.input} />
      </div>
      <div className="col-span-full">{error}</div>
    </div>
  );
}
