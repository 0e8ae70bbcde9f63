import { useCredentials } from '../../data/hooks';
import { useWaitingCount } from '../../data/teamHooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { LinkList } from '../../ui/LinkList';
import { orgPath } from './kinds';
import { useMemberships } from './useMemberships';

/**
 * Every organisation the signed-in person belongs to, each opening the right screen for its
 * kind and their role; nothing for someone signed out or in none (unless `showEmpty`).
 */
export function MyOrganisations({ showEmpty = false }: { showEmpty?: boolean }) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  const memberships = useMemberships(credentials);
  const waiting = useWaitingCount(credentials?.accountId ?? '');
  if (!credentials || !memberships) return null;
  if (memberships.length === 0 && !showEmpty) return null;
  return (
    <section className="my-orgs" aria-labelledby="my-orgs-heading">
      <h2 id="my-orgs-heading">{t('orgs.mine')}</h2>
      {memberships.length === 0 && <p className="muted">{t('orgs.none')}</p>}
      <LinkList
        items={memberships.map((m) => ({
          key: m.organisationId,
          to: orgPath(m),
          title: m.name,
          detail: `${t(`orgs.kinds.${m.kind}`)} · ${t(`orgs.roles.${m.role as 'learner'}`)}`,
          aside:
            m.kind === 'team' && waiting ? (
              <span className="badge">{t('orgs.waiting', { count: waiting })}</span>
            ) : undefined,
        }))}
      />
    </section>
  );
}
