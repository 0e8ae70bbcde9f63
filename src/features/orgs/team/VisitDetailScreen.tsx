import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { VisitVersionRow } from '../../../data/rows';
import { readVersion, startAmendment, versionsOf } from '../../../data/visits';
import { useTranslation } from '../../../i18n';
import type { VisitVersion } from '../../../protocol/visits';
import { Button } from '../../../ui/Button';
import { LoadingScreen } from '../../../ui/ScreenMessage';
import { StatusChip } from './StatusChip';
import { useTeam } from './TeamContext';
import { VisitSummary } from './VisitSummary';
import { TeamCrumb } from './TeamCrumb';
import { ReviewNote } from './ReviewNote';

/** A finalized visit, read-only; "Sửa" starts an amendment naming the version it amends. */
export function VisitDetailScreen() {
  const { teamId = '', visitId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { key } = useTeam(teamId);
  const [shown, setShown] = useState<{ row: VisitVersionRow; visit: VisitVersion } | null>(null);

  useEffect(() => {
    let live = true;
    void versionsOf(visitId).then(async (rows) => {
      const row = rows.at(-1);
      if (row && live) setShown({ row, visit: await readVersion(key, row) });
    });
    return () => {
      live = false;
    };
  }, [key, visitId]);

  if (!shown) return <LoadingScreen />;
  const amend = async () => {
    const draftId = await startAmendment(key, visitId);
    navigate(`/team/${teamId}/drafts/${draftId}`);
  };

  return (
    <main className="screen team">
      <TeamCrumb teamId={teamId} />
      <h1>{t('team.detail.title')}</h1>
      <p className="visit-version">
        {t('team.detail.version', { version: shown.row.version })}{' '}
        <StatusChip status={shown.row.state} />
      </p>
      <ReviewNote teamId={teamId} visitId={visitId} version={shown.row.version} />
      <VisitSummary visit={shown.visit} />
      <p className="muted">{t('team.detail.amendHint')}</p>
      <Button className="button-wide" onClick={() => void amend()}>
        {t('team.detail.amend')}
      </Button>
    </main>
  );
}
