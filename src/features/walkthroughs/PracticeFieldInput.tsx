import { useLanguage, useTranslation } from '../../i18n';
import type { PracticeField } from '../../protocol/walkthrough';
import './walkthroughs.css';
import { PracticePointer } from './PracticePointer';

export interface PracticeFieldInputProps {
  field: PracticeField;
  value: string;
  /** Shown when the field did not pass: the content's hint says what to fix. */
  invalid: boolean;
  /** After "show me": the words of the pointer that marks this field as a place to tap. */
  pointer?: string | undefined;
  onChange: (value: string) => void;
}

const INPUT_TYPE: Record<string, string> = { password: 'password', phone: 'tel' };
const NUMERIC = new Set(['number', 'phone', 'otp']);

/** One field of an imitation screen, rendered from its description. */
export function PracticeFieldInput({
  field,
  value,
  invalid,
  pointer,
  onChange,
}: PracticeFieldInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = `practice-${field.id}`;
  const hintId = `${id}-hint`;
  const sampleId = `${id}-sample`;
  const described = [field.sample ? sampleId : '', invalid ? hintId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': described || undefined,
  };
  const sample = field.sample && (
    <span id={sampleId} className="practice-sample">
      {t('walkthroughs.practice.useSample', { sample: field.sample })}
    </span>
  );
  const hint = invalid && (
    <span id={hintId} className="practice-hint" role="alert">
      {field.hint[language]}
    </span>
  );

  if (field.kind === 'checkbox') {
    return (
      <div className="practice-field" data-invalid={invalid} data-pointed={Boolean(pointer)}>
        {pointer && <PracticePointer text={pointer} />}
        <label className="switch-row" htmlFor={id}>
          <input
            type="checkbox"
            {...common}
            checked={value === 'true'}
            onChange={(event) => onChange(String(event.target.checked))}
          />
          <span>{field.label[language]}</span>
        </label>
        {hint}
      </div>
    );
  }
  return (
    <div className="practice-field" data-invalid={invalid} data-pointed={Boolean(pointer)}>
      {pointer && <PracticePointer text={pointer} />}
      <label className="field-label" htmlFor={id}>
        {field.label[language]}
      </label>
      {field.kind === 'select' ? (
        <select
          className="input"
          {...common}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('walkthroughs.practice.choose')}</option>
          {field.options?.map((option) => (
            <option key={option.id} value={option.id}>
              {option.text[language]}
            </option>
          ))}
        </select>
      ) : (
        <input
          className="input"
          type={INPUT_TYPE[field.kind] ?? 'text'}
          inputMode={NUMERIC.has(field.kind) ? 'numeric' : undefined}
          autoComplete="off"
          {...common}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {sample}
      {hint}
    </div>
  );
}
