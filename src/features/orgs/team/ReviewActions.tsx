import { useState } from 'react';
import { useCredentials } from '../../../data/hooks';
import type { VisitReviewRow } from '../../../data/rows';
import { reviewVisit } from '../../../data/visitReviews';
import { useTranslation } from '../../../i18n';
import { Button } from '../../../ui/Button';
import { StatusChip } from './StatusChip';
import { useTeam } from './TeamContext';

/**
 * The leader's word on one visit's current version: approve it, or send it back with a comment
 * the volunteer will read. Kept on the phone and sent by the sync engine (which the app asks
 * to send it soon), so it works offline.
 */
export function ReviewActions({
  teamId,
  visitId,
  version,
  latest,
}: {
  teamId: string;
  visitId: string;
  version: number;
  latest: VisitReviewRow | undefined;
}) {
  const { t } = useTranslation();
  const { accountId, profileId, key } = useTeam(teamId);
  const credentials = useCredentials(profileId);
  const [writing, setWriting] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = latest?.version === version ? latest : undefined;

  const decide = async (decision: 'approved' | 'sent_back') => {
    if (decision === 'sent_back' && !comment.trim())
      return setError(t('team.review.commentNeeded'));
    setBusy(true);
    await reviewVisit(
      key,
      { accountId, displayName: credentials?.displayName ?? '' },
      { teamId, visitId, version, decision, ...(decision === 'sent_back' ? { comment } : {}) },
    );
    setBusy(false);
    setWriting(false);
    setComment('');
    setError(null);
  };

  const fieldId = `review-${visitId}`;
  return (
    <div className="review-actions">
      {current && (
        <p>
          {t('team.review.decided', { version })} <StatusChip status={current.decision} />
          {current.state === 'waiting' && (
            <span className="muted"> {t('team.review.notSent')}</span>
          )}
        </p>
      )}
      {writing ? (
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>
            {t('team.review.comment')}
          </label>
          <textarea
            id={fieldId}
            className="input"
            rows={3}
            maxLength={500}
            value={comment}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(event) => setComment(event.target.value)}
            autoFocus
          />
          {error && (
            <span id={`${fieldId}-error`} className="field-error">
              {error}
            </span>
          )}
          <div className="button-row">
            <Button disabled={busy} onClick={() => void decide('sent_back')}>
              {t('team.review.sendBackConfirm')}
            </Button>
            <Button variant="quiet" disabled={busy} onClick={() => setWriting(false)}>
              {t('team.review.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <Button disabled={busy} onClick={() => void decide('approved')}>
            {t('team.review.approve')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => setWriting(true)}>
            {t('team.review.sendBack')}
          </Button>
        </div>
      )}
    </div>
  );
}
