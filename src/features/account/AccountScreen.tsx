import { useEffect, useState } from 'react';
import { deleteCredentials } from '../../data/credentials';
import { useCredentials } from '../../data/hooks';
import type { CredentialsRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { lockTeamVault } from '../../state/teamVault';
import { wipeClassData } from '../../data/attendance';
import { wipeTeamData } from '../../data/visits';
import { wipeAssignmentData } from '../../data/assignments';
import { createAccountApi, type Me, type OfficialCommune } from '../../sync/accountApi';
import { NATIONAL_COMPLIANCE_PATH, provinceCompliancePath } from '../orgs/rollupPaths';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { LinkList } from '../../ui/LinkList';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { CreateOrgForm } from '../orgs/CreateOrgForm';
import { JoinForm } from '../orgs/JoinForm';
import { MyOrganisations } from '../orgs/MyOrganisations';
import { SignInForm } from './SignInForm';
import { useAccountAction } from './useAccountAction';
import { restartSync } from '../../sync/control';

export function AccountScreen() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const credentials = useCredentials(profileId);
  if (credentials === undefined) return <LoadingScreen />;
  return (
    <main className="screen">
      <h1>{t('account.title')}</h1>
      {credentials ? (
        <SignedIn credentials={credentials} />
      ) : (
        <>
          <p>{t('account.why')}</p>
          <SignInForm />
        </>
      )}
    </main>
  );
}

function SignedIn({ credentials }: { credentials: CredentialsRow }) {
  const { t } = useTranslation();
  const [communes, setCommunes] = useState<OfficialCommune[]>([]);
  const [provinces, setProvinces] = useState<Me['provinces']>([]);
  const [isSystemAdmin, setIsSystemAdmin] = useState(false);
  // Joining remounts the list so it asks the server again.
  const [joins, setJoins] = useState(0);
  const { run, error } = useAccountAction();
  const token = credentials.accessToken;

  useEffect(() => {
    let live = true;
    createAccountApi(window.location.origin)
      .me(token)
      .then((me) => {
        if (!live) return;
        setCommunes(me.communes);
        setProvinces(me.provinces);
        setIsSystemAdmin(me.account.isSystemAdmin);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [token]);

  const signOut = async (everywhere: boolean) => {
    const api = createAccountApi(window.location.origin);
    if (everywhere && !(await run(() => api.signOutEverywhere(token)))) return;
    // Signing out leaves no team or class data behind: the visit log, drafts, vault, the
    // classes kept for attendance, the account's assignments and the organisations they name,
    // and their outbox entries go too.
    lockTeamVault();
    await wipeTeamData(credentials.accountId);
    await wipeClassData(credentials.profileId);
    await wipeAssignmentData(credentials.accountId);
    await deleteCredentials(credentials.profileId);
    restartSync();
  };

  return (
    <>
      <p className="profile-summary">
        <strong>{t('account.signedInAs', { name: credentials.displayName })}</strong>
        <Button variant="secondary" onClick={() => void signOut(false)}>
          {t('account.signOut')}
        </Button>
        <Button variant="quiet" onClick={() => void signOut(true)}>
          {t('account.signOutEverywhere')}
        </Button>
      </p>
      {error && <Notice tone="error">{error}</Notice>}

      {isSystemAdmin && (
        <nav className="settings-group" aria-label={t('admin.open')}>
          <LinkList
            items={[
              {
                key: 'admin',
                to: '/admin',
                title: t('admin.open'),
                detail: t('admin.openDetail'),
              },
              {
                key: 'national',
                to: NATIONAL_COMPLIANCE_PATH,
                title: t('admin.national.open'),
                detail: t('admin.national.detail'),
              },
            ]}
          />
        </nav>
      )}

      <div className="settings-group">
        <MyOrganisations key={joins} showEmpty />
      </div>

      {communes.length > 0 && (
        <section className="settings-group" aria-labelledby="communes-heading">
          <h2 id="communes-heading">{t('team.commune.heading')}</h2>
          <LinkList
            items={communes.map((c) => ({
              key: c.code,
              to: `/communes/${c.code}`,
              title: t('team.commune.link', { name: c.name }),
              detail: c.provinceName,
            }))}
          />
        </section>
      )}

      {provinces.length > 0 && (
        <section className="settings-group" aria-labelledby="provinces-heading">
          <h2 id="provinces-heading">{t('orgs.rollup.accountHeading')}</h2>
          <LinkList
            items={provinces.map((p) => ({
              key: p.code,
              to: provinceCompliancePath(p.code),
              title: t('orgs.rollup.accountLink', { province: p.name }),
              detail: t('orgs.rollup.accountDetail'),
            }))}
          />
        </section>
      )}

      <section className="settings-group" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('account.join')}</h2>
        <JoinForm onJoined={() => setJoins((n) => n + 1)} />
      </section>

      <CreateOrgForm />
    </>
  );
}
