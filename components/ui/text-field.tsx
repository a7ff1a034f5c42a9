import { fieldStyles } from "@/components/ui/styles";

interface TextFieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
}

/**
 * A labelled input whose error is announced and tied to it for screen readers. Its id is
 * `name` unless given (needed when a page repeats a form, e.g. one per table row).
 */
export function TextField({ name, label, error, id, ...input }: TextFieldProps) {
  const inputId = id ?? name;
  const errorId = `${inputId}-error`;
  return (
    <div>
      <label htmlFor={inputId} className={fieldStyles.label}>
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        className={fieldStyles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className={fieldStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
