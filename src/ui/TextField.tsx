import type { InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the input and read with it. */
  hint?: string;
}

/** A labelled text input, big enough to tap; its label is read with it. */
export function TextField({ label, value, onChange, hint, id, ...input }: TextFieldProps) {
  const hintId = hint && id ? `${id}-hint` : undefined;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="input"
        id={id}
        value={value}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      {hint && (
        <span id={hintId} className="muted">
          {hint}
        </span>
      )}
    </label>
  );
}
