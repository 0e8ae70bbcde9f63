import { useState } from 'react';
import type { Maker } from '../../../data/assignments';
import { vietnamDay } from '../../../domain/vietnamTime';
import { useTranslation } from '../../../i18n';
import type { Member } from '../../../protocol';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { AssignableItem } from '../assignableItems';
import './AssignForm.css';
import { useSaveAssignment } from './useSaveAssignment';

const WHOLE = 'whole';

export interface AssignFormProps {
  maker: Maker;
  organisationId: string;
  items: Map<string, AssignableItem>;
  /**
   * The organisation's learners when known (online, or a class's as last seen online); without
   * them only the whole class is offered.
   */
  learners: readonly Member[];
}

/**
 * "Giao bài": a course or walkthrough, to everyone or one learner, with an optional due date
 * (never before today, said beside the field). It is kept on the phone and sent by the sync
 * engine, so it works offline.
 */
export function AssignForm({ maker, organisationId, items, learners }: AssignFormProps) {
  const { t } = useTranslation();
  const keys = [...items.keys()];
  const [itemKey, setItemKey] = useState(keys[0] ?? '');
  const [target, setTarget] = useState(WHOLE);
  const [dueDate, setDueDate] = useState('');
  const { save, problem: dueError, setProblem: setDueError, outcome } = useSaveAssignment(maker);
  const today = vietnamDay(new Date());

  const submit = async () => {
    const chosen = items.get(itemKey);
    if (!chosen) return;
    const saved = await save({
      organisationId,
      item: chosen.item,
      target: target === WHOLE ? { kind: 'organisation' } : { kind: 'member', accountId: target },
      dueDate: dueDate || null,
    });
    if (saved) setDueDate('');
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
      <h2>{t('orgs.assign.formTitle')}</h2>
      <SelectField
        label={t('orgs.assign.item')}
        value={itemKey}
        options={[...items].map(([key, { item, title }]) => ({
          value: key,
          label: t(`orgs.assign.itemKinds.${item.kind}`, { title }),
        }))}
        onChange={setItemKey}
      />
      <SelectField
        label={t('orgs.assign.target')}
        value={target}
        options={[
          { value: WHOLE, label: t('orgs.assign.wholeGroup') },
          ...learners.map((m) => ({ value: m.accountId, label: m.displayName })),
        ]}
        onChange={setTarget}
      />
      <TextField
        type="date"
        label={t('orgs.assign.due')}
        hint={t('orgs.assign.dueHint')}
        value={dueDate}
        min={today}
        error={dueError}
        onChange={(value) => {
          setDueDate(value);
          setDueError(value && value < today ? t('orgs.assign.duePast') : undefined);
        }}
      />
      <Button type="submit" className="button-wide" disabled={!itemKey}>
        {t('orgs.assign.submit')}
      </Button>
      {outcome === 'saved' && <Notice tone="success">{t('orgs.assign.saved')}</Notice>}
      {outcome === 'storageFull' && <Notice tone="warning">{t('orgs.assign.storageFull')}</Notice>}
    </form>
  );
}
