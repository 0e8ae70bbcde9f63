import { useId } from 'react';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

interface ChipGroupProps<V extends string> {
  legend: string;
  options: ChipOption<V>[];
  /** One value (radio chips) or several (checkbox chips). */
  selected: V | V[] | undefined;
  onToggle: (value: V) => void;
  /** What is wrong (nothing chosen), shown under the legend and read with the group. */
  error?: string | undefined;
}

/**
 * Big tap targets that are real radios or checkboxes underneath, grouped under a legend, so
 * screen readers and keyboards work as with any form.
 */
export function ChipGroup<V extends string>({
  legend,
  options,
  selected,
  onToggle,
  error,
}: ChipGroupProps<V>) {
  const name = useId();
  const errorId = `${name}-error`;
  const multiple = Array.isArray(selected);
  const isOn = (value: V) => (multiple ? selected.includes(value) : selected === value);
  return (
    <fieldset
      className="chip-group"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field-label">{legend}</legend>
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      <div className="chips">
        {options.map((option) => (
          <label key={option.value} className={`chip${isOn(option.value) ? ' chip-on' : ''}`}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.value}
              checked={isOn(option.value)}
              onChange={() => onToggle(option.value)}
              onClick={() => {
                // A second tap on a chosen radio chip clears it (optional answers).
                if (!multiple && isOn(option.value)) onToggle(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
