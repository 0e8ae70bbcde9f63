import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import { categoryOf, categoryOfKey } from '../../../domain/visits/categories';
import {
  AGE_BANDS,
  GENDERS,
  OUTCOMES,
  SERVICE_CATEGORIES,
  type ServiceCategory,
  type VisitService,
} from '../../../protocol/visits';
import type { VisitDraftValues } from '../../../data/visitParts';
import { TextField } from '../../../ui/TextField';
import { QrReader } from '../../../ui/QrReader';
import { Notice } from '../../../ui/Notice';
import { readLearnerQr } from '../../../domain/learnerQr';
import { ChipGroup } from './Chips';
import { CommunePicker } from '../CommunePicker';
import { useServiceChoices } from './useServices';

const MINUTE_CHOICES = ['5', '10', '15', '30'] as const;
const OTHER = 'other';

export interface VisitFieldsProps {
  values: VisitDraftValues;
  onChange: (values: VisitDraftValues) => void;
  /** The fields still missing when the volunteer tried to finish: each says so beside it. */
  missing?: string[];
}

/** The fields of one visit, in the order they are asked at the door. */
export function VisitFields({ values, onChange, missing = [] }: VisitFieldsProps) {
  const { t } = useTranslation();
  const needed = (field: string) => (missing.includes(field) ? t('team.form.needed') : undefined);
  const choices = useServiceChoices();
  const set = (patch: Partial<VisitDraftValues>) => onChange({ ...values, ...patch });
  const setPerson = (patch: Partial<VisitDraftValues['person']>) =>
    set({ person: { ...values.person, ...patch } });
  const otherService = values.services.find((s) => s.kind === 'other');
  const eServices = choices.filter((c) => c.service.kind === 'walkthrough');
  const courses = choices.filter((c) => c.service.kind === 'course');
  const [coursesOpen] = useState(values.services.some((s) => s.kind === 'course'));
  const [scanNote, setScanNote] = useState<{ tone: 'success' | 'error'; text: string } | null>(
    null,
  );
  const [customMinutes, setCustomMinutes] = useState(
    values.minutes !== undefined && !MINUTE_CHOICES.includes(String(values.minutes) as '5'),
  );

  const serviceKey = (s: VisitService) => (s.kind === 'other' ? OTHER : `${s.kind}:${s.id}`);
  // A category is chosen when it is named, or when a walkthrough inside it is (older records).
  const chosenCategories = [
    ...new Set(values.services.filter((s) => s.kind !== 'course').map((s) => categoryOf(s))),
  ];
  const toggleCategory = (category: ServiceCategory) => {
    if (category === OTHER) return toggleService(OTHER);
    if (chosenCategories.includes(category)) {
      return set({
        services: values.services.filter(
          (s) => s.kind === 'course' || s.kind === 'other' || categoryOf(s) !== category,
        ),
      });
    }
    set({ services: [...values.services, { kind: 'category', id: category }] });
  };
  const toggleService = (key: string) => {
    const has = values.services.some((s) => serviceKey(s) === key);
    if (has) return set({ services: values.services.filter((s) => serviceKey(s) !== key) });
    const service =
      key === OTHER
        ? ({ kind: 'other', text: '' } as VisitService)
        : choices.find((c) => c.key === key)?.service;
    if (service) set({ services: [...values.services, service] });
  };

  /**
   * A walkthrough chosen inside a category stands for it (the category service means "help of
   * this kind, no walkthrough"): choosing one drops the bare category, taking the last one off
   * puts it back, so the category stays chosen and nothing is counted twice.
   */
  const toggleWalkthrough = (key: string) => {
    const category = categoryOfKey(key);
    const bare = (s: VisitService) => s.kind === 'category' && s.id === category;
    const has = values.services.some((s) => serviceKey(s) === key);
    const service = choices.find((c) => c.key === key)?.service;
    if (!has && service) {
      return set({ services: [...values.services.filter((s) => !bare(s)), service] });
    }
    const rest = values.services.filter((s) => serviceKey(s) !== key);
    const stillIn = rest.some((s) => s.kind === 'walkthrough' && categoryOf(s) === category);
    const back: VisitService[] =
      stillIn || category === OTHER ? [] : [{ kind: 'category', id: category }];
    set({ services: [...rest, ...back] });
  };

  return (
    <>
      <div data-field="services">
        <ChipGroup
          legend={t('team.form.services')}
          error={needed('services')}
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`team.categories.${c}`) }))}
          selected={chosenCategories}
          onToggle={toggleCategory}
        />
      </div>
      {/* Inside each chosen category, its walkthroughs, to say which one (optional). */}
      {chosenCategories.map((category) => {
        const inside = eServices.filter((c) => categoryOfKey(c.key) === category);
        if (category === OTHER || !inside.length) return null;
        return (
          <ChipGroup
            key={category}
            legend={t('team.form.inCategory', { category: t(`team.categories.${category}`) })}
            options={inside.map((c) => ({ value: c.key, label: c.label }))}
            selected={values.services.map(serviceKey)}
            onToggle={toggleWalkthrough}
          />
        );
      })}
      {/* Most visits are about an e-service; the courses stay folded until needed. */}
      <details className="more-fields disclosure" open={coursesOpen}>
        <summary>{t('team.form.courses')}</summary>
        <ChipGroup
          legend={t('team.form.coursesLegend')}
          options={courses.map((c) => ({ value: c.key, label: c.label }))}
          selected={values.services.map(serviceKey)}
          onToggle={toggleService}
        />
      </details>
      {otherService && (
        <TextField
          label={t('team.form.otherText')}
          value={otherService.kind === 'other' ? otherService.text : ''}
          maxLength={120}
          onChange={(text) =>
            set({
              services: values.services.map((s) =>
                s.kind === 'other' ? { kind: 'other', text } : s,
              ),
            })
          }
        />
      )}
      <div data-field="outcome">
        <ChipGroup
          legend={t('team.form.outcome')}
          error={needed('outcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`team.form.outcomes.${o}`) }))}
          selected={values.outcome}
          onToggle={(outcome) => set({ outcome: values.outcome === outcome ? undefined : outcome })}
        />
      </div>
      {values.outcome && values.outcome !== 'done' && (
        <TextField
          data-field="outcomeReason"
          error={needed('outcomeReason')}
          label={t('team.form.outcomeReason')}
          value={values.outcomeReason ?? ''}
          maxLength={200}
          onChange={(outcomeReason) => set({ outcomeReason })}
        />
      )}
      <div data-field="minutes">
        <ChipGroup
          legend={t('team.form.minutes')}
          error={customMinutes ? undefined : needed('minutes')}
          options={[
            ...MINUTE_CHOICES.map((m) => ({
              value: m,
              label: t('team.form.minutesValue', { count: Number(m) }),
            })),
            { value: OTHER, label: t('team.form.minutesOther') },
          ]}
          selected={customMinutes ? OTHER : values.minutes ? String(values.minutes) : undefined}
          onToggle={(choice) => {
            if (choice === OTHER) {
              setCustomMinutes(true);
              set({ minutes: undefined });
            } else {
              setCustomMinutes(false);
              set({ minutes: values.minutes === Number(choice) ? undefined : Number(choice) });
            }
          }}
        />
        {customMinutes && (
          <TextField
            error={needed('minutes')}
            label={t('team.form.minutesCustom')}
            inputMode="numeric"
            value={values.minutes ? String(values.minutes) : ''}
            onChange={(text) => set({ minutes: Number.parseInt(text, 10) || undefined })}
          />
        )}
      </div>
      <ChipGroup
        legend={t('team.form.ageBand')}
        options={AGE_BANDS.map((a) => ({ value: a, label: t(`team.form.ageBands.${a}`) }))}
        selected={values.person.ageBand}
        onToggle={(ageBand) =>
          setPerson({ ageBand: values.person.ageBand === ageBand ? undefined : ageBand })
        }
      />
      <ChipGroup
        legend={t('team.form.gender')}
        options={GENDERS.map((g) => ({ value: g, label: t(`team.form.genders.${g}`) }))}
        selected={values.person.gender}
        onToggle={(gender) =>
          setPerson({ gender: values.person.gender === gender ? undefined : gender })
        }
      />
      <fieldset className="chip-group">
        <legend className="field-label">{t('team.form.learnerQr.title')}</legend>
        <QrReader
          onText={(text) => {
            const learner = readLearnerQr(text);
            if (!learner) {
              return setScanNote({ tone: 'error', text: t('team.form.learnerQr.notLearner') });
            }
            set({
              learnerRef: learner.ref,
              person: { ...values.person, ...(learner.name ? { name: learner.name } : {}) },
            });
            setScanNote({ tone: 'success', text: t('team.form.learnerQr.read') });
          }}
          onProblem={(problem) =>
            setScanNote({
              tone: 'error',
              text:
                problem === 'camera'
                  ? t('team.form.learnerQr.camera_problem')
                  : t('team.form.learnerQr.notLearner'),
            })
          }
          labels={{
            scan: t('team.form.learnerQr.scan'),
            stopScan: t('team.form.learnerQr.stopScan'),
            camera: t('team.form.learnerQr.camera'),
            photo: t('team.form.learnerQr.photo'),
            reading: t('team.form.learnerQr.reading'),
          }}
        />
        {scanNote && <Notice tone={scanNote.tone}>{scanNote.text}</Notice>}
      </fieldset>
      <TextField
        data-field="person"
        error={needed('person')}
        label={t('team.form.name')}
        value={values.person.name ?? ''}
        maxLength={40}
        autoComplete="off"
        onChange={(name) => setPerson({ name })}
      />
      <div data-field="communeCode">
        <CommunePicker
          value={values.communeCode}
          onChange={(communeCode) => set({ communeCode })}
          error={needed('communeCode')}
        />
      </div>
      <TextField
        data-field="village"
        error={needed('village')}
        label={t('team.form.village')}
        value={values.village}
        maxLength={80}
        onChange={(village) => set({ village })}
      />
      <TextField
        data-field="date"
        error={needed('date')}
        label={t('team.form.date')}
        type="date"
        value={values.date}
        onChange={(date) => set({ date })}
      />
      <details className="more-fields disclosure">
        <summary>{t('team.form.more')}</summary>
        <TextField
          label={t('team.form.phone')}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          value={values.person.phone ?? ''}
          onChange={(phone) => setPerson({ phone: phone.replace(/\D/g, '') })}
        />
        <TextField
          label={t('team.form.ethnicity')}
          value={values.person.ethnicity ?? ''}
          maxLength={40}
          onChange={(ethnicity) => setPerson({ ethnicity })}
        />
        <TextField
          label={t('team.form.learnerRef')}
          value={values.learnerRef ?? ''}
          maxLength={120}
          autoComplete="off"
          onChange={(learnerRef) => set({ learnerRef })}
        />
        <label className="field">
          <span className="field-label">{t('team.form.note')}</span>
          <textarea
            className="input"
            rows={3}
            maxLength={500}
            value={values.note ?? ''}
            onChange={(event) => set({ note: event.target.value })}
          />
        </label>
      </details>
      <div className="consent" data-field="consent">
        <p className="muted" id="consent-text">
          {t('team.form.consentText')}
        </p>
        <label className="switch-row consent-tick">
          <input
            type="checkbox"
            checked={values.consent}
            aria-describedby="consent-text"
            onChange={(event) => set({ consent: event.target.checked })}
          />
          <span>{t('team.form.consent')}</span>
        </label>
        {needed('consent') && <span className="field-error">{needed('consent')}</span>}
      </div>
    </>
  );
}
