import { useParams } from 'react-router';
import { useTranslation } from '../../../i18n';
import { MAX_JOIN_CODE_USES } from '../../../protocol';
import { useRosterCards, type CardPerson } from '../../../state/rosterCards';
import { Button } from '../../../ui/Button';
import { ButtonLink } from '../../../ui/ButtonLink';
import { Notice } from '../../../ui/Notice';
import { qrImage } from '../../../ui/qrImage';
import { usePageSize } from '../../../ui/usePageSize';
import { createOrgApi } from '../../../sync/orgApi';
import { joinLink } from '../joinLink';
import { rosterPath } from '../kinds';
import { useServerRead } from '../useServerRead';
import '../../../ui/printPage.css';
import './classPrint.css';

/**
 * The room's join code on the cards lasts a month, for as many learners as there are cards (up to
 * the most a code allows): scanned, it opens the app at the class's join screen.
 */
const CARD_CODE_MINUTES = 30 * 24 * 60;
/** One empty list, so that a screen with no cards asks for no code again at each render. */
const NO_CARDS: CardPerson[] = [];

/**
 * The learners just imported, one card each (name, username, initial password and the class's
 * join QR), eight to an A4 sheet. The passwords exist only in this tab's memory.
 */
export function SignInCardsScreen() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const cards = useRosterCards();
  const learners = cards.organisationId === organisationId ? cards.learners : NO_CARDS;
  usePageSize('a4');
  // An agency's staff cards say "agency" where a class's say "class".
  const words = learners.some((l) => 'staffNumber' in l)
    ? ({
        back: 'orgs.cards.agency.back',
        onlyNow: 'orgs.cards.agency.onlyNow',
        scan: 'orgs.cards.agency.scan',
        qrAlt: 'orgs.cards.agency.qrAlt',
        noCode: 'orgs.cards.agency.noCode',
      } as const)
    : ({
        back: 'orgs.cards.back',
        onlyNow: 'orgs.cards.onlyNow',
        scan: 'orgs.cards.scan',
        qrAlt: 'orgs.cards.qrAlt',
        noCode: 'orgs.cards.noCode',
      } as const);
  const { state: join } = useServerRead(
    async (token) => {
      if (learners.length === 0) return null;
      const made = await createOrgApi(window.location.origin).createJoinCode(
        token,
        organisationId,
        {
          role: 'learner',
          maxUses: Math.min(learners.length, MAX_JOIN_CODE_USES),
          minutes: CARD_CODE_MINUTES,
        },
      );
      const { url } = await qrImage(joinLink(window.location.origin, made.code));
      return { code: made.code, qr: url };
    },
    [organisationId, learners],
  );
  const room = join.phase === 'ready' ? join.data : null;

  const back = (
    <ButtonLink to={rosterPath(organisationId)} variant="quiet" className="crumb print-hide">
      {t(words.back)}
    </ButtonLink>
  );
  if (learners.length === 0) {
    return (
      <main className="screen">
        {back}
        <h1>{t('orgs.cards.title')}</h1>
        <Notice tone="info">{t('orgs.cards.gone')}</Notice>
      </main>
    );
  }
  return (
    <main className="screen print-page">
      {back}
      <div className="print-hide">
        <h1>{t('orgs.cards.title')}</h1>
        <Notice tone="warning">{t(words.onlyNow, { count: learners.length })}</Notice>
        {(join.phase === 'refused' || join.phase === 'offline') && (
          <Notice tone="warning">{t(words.noCode)}</Notice>
        )}
      </div>
      <Button className="button-wide print-hide" onClick={() => window.print()}>
        {t('orgs.cards.print')}
      </Button>
      <ul className="card-sheet">
        {learners.map((learner) => (
          <li key={learner.accountId} className="sign-in-card">
            <p className="sign-in-card-name">{learner.displayName}</p>
            <p className="muted">
              {'birthYear' in learner
                ? t('orgs.cards.born', { year: learner.birthYear })
                : t('orgs.cards.staff', { number: learner.staffNumber, unit: learner.unit })}
            </p>
            <dl>
              <dt>{t('orgs.cards.username')}</dt>
              <dd className="sign-in-card-secret">{learner.username}</dd>
              <dt>{t('orgs.cards.password')}</dt>
              <dd className="sign-in-card-secret">{learner.password}</dd>
            </dl>
            {room && (
              <div className="sign-in-card-join">
                <img src={room.qr} alt={t(words.qrAlt, { code: room.code })} />
                <p>{t(words.scan, { code: room.code })}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
