import { fieldStyles } from "@/components/ui/styles";

export interface PersonOption {
  id: string;
  name: string;
  email: string;
}

/** A labelled select of people (active accounts), with its error tied to it for screen readers. */
export function PersonSelect({ name, label, people, defaultValue, error, emptyLabel }: { name: string; label: string; people: readonly PersonOption[]; defaultValue: string; error?: string; emptyLabel?: string }) {
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className={fieldStyles.label}>
        {label}
      </label>
      <select id={name} name={name} defaultValue={defaultValue} className={fieldStyles.input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} ({person.email})
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className={fieldStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
