import { useEffect, useState } from 'react';
import { useLatestReviews } from '../../../data/teamHooks';
import { reviewComment } from '../../../data/visitReviews';
import { useTranslation } from '../../../i18n';
import { Notice } from '../../../ui/Notice';
import { useTeam } from './TeamContext';

/** What the leader said of this version of a visit: approved, or sent back with a comment. */
export function ReviewNote({
  teamId,
  visitId,
  version,
}: {
  teamId: string;
  visitId: string;
  version: number;
}) {
  const { t } = useTranslation();
  const { accountId, key } = useTeam(teamId);
  const review = useLatestReviews(accountId, teamId)?.get(visitId);
  const [comment, setComment] = useState('');
  useEffect(() => {
    let live = true;
    if (review) void reviewComment(key, review).then((text) => live && setComment(text));
    return () => {
      live = false;
    };
  }, [key, review]);

  if (!review || review.version !== version) return null;
  const name = review.madeBy.displayName;
  if (review.decision === 'approved') {
    return <Notice tone="info">{t('team.detail.approved', { name, version })}</Notice>;
  }
  return (
    <Notice tone="warning">
      {t('team.detail.sentBack', { name, version })}{' '}
      <span className="review-comment">{comment}</span>
    </Notice>
  );
}
