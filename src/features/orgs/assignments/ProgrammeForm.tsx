import { useState } from 'react';
import type { Maker } from '../../../data/assignments';
import { useCourses } from '../../../data/hooks';
import { vietnamDay } from '../../../domain/vietnamTime';
import { useLanguage, useTranslation } from '../../../i18n';
import { newRandomId } from '../../../lib/ids';
import type { AssignmentTarget, Member } from '../../../protocol';
import { complianceReport } from '../../../api/agency';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useServerRead } from '../useServerRead';
import './AssignForm.css';
import { useSaveAssignment } from './useSaveAssignment';

const WHOLE = 'whole';
const POSITION = 'position';
const PERSON = 'person:';

/**
 * "Giao chương trình bắt buộc": a named set of courses (the officials' courses ticked to begin
 * with), to the whole agency, one unit, one position or one person, with a start and a due date
 * and, when asked, yearly renewal. Kept on the phone and sent by the sync engine; the units come
 * from the server when online, the staff as the screen knows them.
 */
export function ProgrammeForm({
  maker,
  organisationId,
  staff,
}: {
  maker: Maker;
  organisationId: string;
  staff: readonly Member[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const courses = useCourses();
  const today = vietnamDay(new Date());
  const { state } = useServerRead(
    (token) => complianceReport(token, organisationId, {}),
    [organisationId],
  );
  const units = state.phase === 'ready' ? state.data.units : [];
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [target, setTarget] = useState(WHOLE);
  const [position, setPosition] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [dueDate, setDueDate] = useState('');
  const [yearly, setYearly] = useState(false);
  const { save, problem, setProblem, outcome } = useSaveAssignment(maker);
  if (!courses) return null;
  const chosen =
    picked ?? new Set(courses.filter((c) => c.audience === 'officials').map((c) => c.id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  const submit = async () => {
    const list = courses.map((c) => c.id).filter((id) => chosen.has(id));
    if (title.trim() === '') return setProblem(t('orgs.programme.noTitle'));
    if (list.length === 0) return setProblem(t('orgs.programme.noCourses'));
    if (!dueDate) return setProblem(t('orgs.programme.noDue'));
    if (target === POSITION && position.trim() === '')
      return setProblem(t('orgs.programme.noPosition'));
    const to: AssignmentTarget =
      target === WHOLE
        ? { kind: 'organisation' }
        : target === POSITION
          ? { kind: 'position', position: position.trim() }
          : target.startsWith(PERSON)
            ? { kind: 'member', accountId: target.slice(PERSON.length) }
            : { kind: 'unit', unitId: target };
    const saved = await save({
      organisationId,
      item: {
        kind: 'programme',
        // The admin's own key for the programme: only unique, never shown.
        id: `p-${newRandomId().slice(0, 8)}`,
        title: title.trim(),
        courses: list,
      },
      target: to,
      dueDate,
      startDate,
      ...(yearly ? { renewal: 'yearly' as const } : {}),
    });
    if (saved) setTitle('');
  };

  return (
    <form
      className="settings-group form assign-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('orgs.programme.title')}</h2>
      <TextField
        label={t('orgs.programme.name')}
        hint={t('orgs.programme.nameHint')}
        value={title}
        maxLength={120}
        onChange={setTitle}
      />
      <fieldset className="form">
        <legend>{t('orgs.programme.courses')}</legend>
        {courses.map((course) => (
          <label key={course.id} className="switch-row">
            <input
              type="checkbox"
              checked={chosen.has(course.id)}
              onChange={(event) => toggle(course.id, event.target.checked)}
            />
            <span>{course.title[language]}</span>
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t('orgs.assign.target')}
        value={target}
        options={[
          { value: WHOLE, label: t('orgs.programme.wholeAgency') },
          ...units.map((u) => ({ value: u.id, label: t('orgs.programme.unit', { name: u.name }) })),
          { value: POSITION, label: t('orgs.programme.byPosition') },
          ...staff.map((m) => ({
            value: `${PERSON}${m.accountId}`,
            label: t('orgs.programme.person', { name: m.displayName }),
          })),
        ]}
        onChange={setTarget}
      />
      {target === POSITION && (
        <TextField
          label={t('orgs.programme.position')}
          value={position}
          maxLength={80}
          onChange={setPosition}
        />
      )}
      <TextField
        type="date"
        label={t('orgs.programme.start')}
        value={startDate}
        onChange={setStartDate}
      />
      <TextField
        type="date"
        label={t('orgs.programme.due')}
        value={dueDate}
        min={today}
        onChange={setDueDate}
      />
      <label className="switch-row">
        <input type="checkbox" checked={yearly} onChange={(e) => setYearly(e.target.checked)} />
        <span>{t('orgs.programme.yearly')}</span>
      </label>
      {problem && <Notice tone="error">{problem}</Notice>}
      <Button type="submit" className="button-wide">
        {t('orgs.programme.submit')}
      </Button>
      {outcome === 'saved' && <Notice tone="success">{t('orgs.programme.saved')}</Notice>}
      {outcome === 'storageFull' && <Notice tone="warning">{t('orgs.assign.storageFull')}</Notice>}
    </form>
  );
}
