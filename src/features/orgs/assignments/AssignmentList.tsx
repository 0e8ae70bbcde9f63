import { withdraw, type Maker } from '../../../data/assignments';
import type { AssignmentRow } from '../../../data/rows';
import { standingAssignments } from '../../../domain/assignments';
import { useTranslation } from '../../../i18n';
import type { Member } from '../../../protocol';
import { syncSoon } from '../../../sync/control';
import { Button } from '../../../ui/Button';
import { formatDate } from '../format';
import { itemKey, type AssignableItem } from '../assignableItems';

export interface AssignmentListProps {
  maker: Maker;
  rows: readonly AssignmentRow[];
  items: Map<string, AssignableItem>;
  learners: readonly Member[];
}

/** The organisation's standing assignments, soonest due first, each with a withdraw button. */
export function AssignmentList({ maker, rows, items, learners }: AssignmentListProps) {
  const { t } = useTranslation();
  const standing = standingAssignments(rows, null);
  const nameOf = (accountId: string) =>
    learners.find((m) => m.accountId === accountId)?.displayName ?? t('orgs.assign.oneLearner');
  const targetWords = (target: (typeof standing)[number]['record']['target']) => {
    switch (target.kind) {
      case 'organisation':
        return t('orgs.assign.wholeGroup');
      case 'member':
        return nameOf(target.accountId);
      case 'unit':
        return t('orgs.assign.aUnit');
      case 'position':
        return t('orgs.assign.aPosition', { position: target.position });
    }
  };
  return (
    <section aria-labelledby="assignment-list">
      <h2 id="assignment-list">{t('orgs.assign.listTitle')}</h2>
      {standing.length === 0 && <p className="muted">{t('orgs.assign.none')}</p>}
      <ul className="card-list">
        {standing.map(({ record, state }) => (
          <li key={record.id} className="card">
            <span className="card-title">
              {record.item.kind === 'programme'
                ? record.item.title
                : (items.get(itemKey(record.item))?.title ?? record.item.id)}
            </span>
            <span className="card-meta">
              <span>{targetWords(record.target)}</span>
              <span>
                {record.dueDate
                  ? t('orgs.assign.dueOn', { date: formatDate(record.dueDate) })
                  : t('orgs.assign.noDue')}
              </span>
              {state !== 'stored' && <span>{t(`orgs.assign.states.${state}`)}</span>}
            </span>
            <Button
              variant="secondary"
              onClick={() => {
                void withdraw(maker, record).then(syncSoon);
              }}
            >
              {t('orgs.assign.withdraw')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
