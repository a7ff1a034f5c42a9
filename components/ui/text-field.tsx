import { fieldStyles } from "@/components/ui/styles";

interface TextFieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField({ name, label, error, ...input }: TextFieldProps) {
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className={fieldStyles.label}>
        {label}
      </label>
      <input
        id={name}
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
