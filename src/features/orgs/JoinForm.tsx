import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Organisation } from '../../protocol';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { QrReader } from '../../ui/QrReader';
import { TextField } from '../../ui/TextField';
import { codeFromText } from './joinLink';
import { orgPath } from './kinds';
import { useOrgAction } from './useOrgAction';

/**
 * Join an organisation with a code: typed, scanned with the camera, read from a photo, or
 * brought by a join link. On success it offers to open the organisation's screen.
 */
export function JoinForm({
  initialCode = '',
  onJoined,
}: {
  initialCode?: string;
  onJoined?: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState<{ org: Organisation; role: string } | null>(null);
  const { run, error, busy } = useOrgAction();

  const submit = async (text: string) => {
    setProblem(null);
    const parsed = codeFromText(text);
    if (!parsed) {
      setFieldError(t('orgs.join.notACode'));
      return;
    }
    setFieldError(undefined);
    setCode(parsed);
    const result = await run(
      async (token) => {
        const api = createOrgApi(window.location.origin);
        const membership = await api.join(token, parsed);
        return {
          org: await api.organisation(token, membership.organisationId),
          role: membership.role,
        };
      },
      { not_found: t('orgs.join.unknown'), conflict: t('orgs.join.already') },
    );
    if (!result) return;
    setJoined(result);
    setCode('');
    onJoined?.();
  };

  const scanned = useCallback(
    (text: string) => {
      const parsed = codeFromText(text);
      if (parsed) {
        setCode(parsed);
        setFieldError(undefined);
        setProblem(null);
      } else setProblem(t('orgs.join.notACode'));
    },
    [t],
  );
  const scanProblem = useCallback(
    (kind: 'camera' | 'photo') =>
      setProblem(kind === 'camera' ? t('orgs.join.cameraFailed') : t('orgs.join.noQr')),
    [t],
  );

  return (
    <div className="join-form">
      {joined && (
        <>
          <Notice tone="success">{t('orgs.join.joined', { name: joined.org.name })}</Notice>
          <ButtonLink
            className="button-wide"
            to={orgPath({
              organisationId: joined.org.id,
              kind: joined.org.kind,
              role: joined.role,
            })}
          >
            {t('orgs.join.open', { name: joined.org.name })}
          </ButtonLink>
        </>
      )}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(code);
        }}
      >
        <TextField
          label={t('orgs.join.code')}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          error={fieldError}
          onChange={setCode}
        />
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" className="button-wide" disabled={busy}>
          {t('orgs.join.submit')}
        </Button>
      </form>
      {problem && <Notice tone="warning">{problem}</Notice>}
      <QrReader
        onText={scanned}
        onProblem={scanProblem}
        labels={{
          scan: t('orgs.join.scan'),
          stopScan: t('orgs.join.stopScan'),
          camera: t('orgs.join.camera'),
          photo: t('orgs.join.photo'),
          reading: t('orgs.join.reading'),
        }}
      />
    </div>
  );
}
