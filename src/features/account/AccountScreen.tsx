import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { deleteCredentials } from '../../data/credentials';
import { useCredentials } from '../../data/hooks';
import type { CredentialsRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { lockTeamVault } from '../../state/teamVault';
import { wipeTeamData } from '../../data/visits';
import { createAccountApi, type Membership, type OfficialCommune } from '../../sync/accountApi';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { SignInForm } from './SignInForm';
import { useAccountAction } from './useAccountAction';

const MANAGER_ROLES = new Set(['teacher', 'team_leader', 'agency_admin']);

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
  const api = createAccountApi(window.location.origin);
  const [memberships, setMemberships] = useState<Membership[] | null>(null);
  const [communes, setCommunes] = useState<OfficialCommune[]>([]);
  const [code, setCode] = useState('');
  const [className, setClassName] = useState('');
  const [commune, setCommune] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { run, error, busy } = useAccountAction();
  const token = credentials.accessToken;

  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let live = true;
    createAccountApi(window.location.origin)
      .me(token)
      .then((me) => {
        if (!live) return;
        setMemberships(me.memberships);
        setCommunes(me.communes);
      })
      .catch(() => live && setMemberships([]));
    return () => {
      live = false;
    };
  }, [token, version]);

  const join = async () => {
    if (await run(() => api.join(token, code))) {
      setMessage(t('account.joined'));
      setCode('');
      reload();
    }
  };

  const createClass = async () => {
    if (
      await run(() =>
        api.createOrganisation(token, { kind: 'class', name: className, communeCode: commune }),
      )
    ) {
      setClassName('');
      reload();
    }
  };

  const signOut = async (everywhere: boolean) => {
    if (everywhere && !(await run(() => api.signOutEverywhere(token)))) return;
    // Signing out leaves no team data behind: the visit log, drafts, outbox and vault go too.
    lockTeamVault();
    await wipeTeamData(credentials.accountId);
    await deleteCredentials(credentials.profileId);
    useSession.getState().restartSync();
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
      {message && <Notice tone="success">{message}</Notice>}

      <section className="settings-group" aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('account.groups')}</h2>
        {memberships?.length === 0 && <p className="muted">{t('account.noGroups')}</p>}
        <ul className="lesson-list">
          {memberships?.map((m) => (
            <li key={m.organisationId}>
              {MANAGER_ROLES.has(m.role) ? (
                <Link to={`/account/orgs/${m.organisationId}`} className="lesson-link">
                  <span className="lesson-name">{m.name}</span>
                  <span className="muted">{t(`account.roles.${m.role as 'teacher'}`)}</span>
                </Link>
              ) : (
                <span className="lesson-link">
                  <span className="lesson-name">{m.name}</span>
                  <span className="muted">{t(`account.roles.${m.role as 'learner'}`)}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {communes.length > 0 && (
        <section className="settings-group" aria-labelledby="communes-heading">
          <h2 id="communes-heading">{t('team.commune.heading')}</h2>
          <ul className="lesson-list">
            {communes.map((c) => (
              <li key={c.code}>
                <Link to={`/communes/${c.code}`} className="lesson-link lesson-link-stacked">
                  <span className="lesson-name">{t('team.commune.link', { name: c.name })}</span>
                  <span className="muted">{c.provinceName}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form
        className="settings-group form"
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <h2>{t('account.join')}</h2>
        <TextField
          label={t('account.joinCode')}
          value={code}
          autoComplete="off"
          onChange={setCode}
        />
        <Button type="submit" disabled={busy || code.trim().length < 8}>
          {t('account.joinButton')}
        </Button>
      </form>

      <form
        className="settings-group form"
        onSubmit={(event) => {
          event.preventDefault();
          void createClass();
        }}
      >
        <h2>{t('account.createClass')}</h2>
        <TextField label={t('account.className')} value={className} onChange={setClassName} />
        <TextField
          label={t('account.communeCode')}
          inputMode="numeric"
          value={commune}
          onChange={setCommune}
        />
        <Button
          type="submit"
          variant="secondary"
          disabled={busy || !className.trim() || commune.length !== 5}
        >
          {t('account.create')}
        </Button>
      </form>
    </>
  );
}
