import { useCallback, useMemo, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useVerificationCache } from '../../data/certificateHooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { QrReader } from '../../ui/QrReader';
import { formatTime, VerificationResult } from './VerificationResult';
import { verifyWithCache } from './verifyCode';
import './certificates.css';
import { syncNow } from '../../sync/control';

/** "Kiểm tra chứng chỉ": reads a code (camera, photo or pasted) and verifies it offline. */
export function VerifyScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const linked = useParams().code !== undefined;
  const { pathname } = useLocation();
  const cache = useVerificationCache();
  const online = useSession((s) => s.online);
  const [code, setCode] = useState<string | null>(linked ? pathname : params.get('c'));
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const result = useMemo(
    () => (code && cache ? verifyWithCache(code, cache) : null),
    [code, cache],
  );

  const found = useCallback((text: string) => {
    setProblem(null);
    setCode(text);
  }, []);

  if (!cache) return <LoadingScreen />;

  return (
    <main className="screen verify-screen">
      <h1>{t('certificates.verify.title')}</h1>
      {cache.keys.length === 0 && <Notice tone="warning">{t('certificates.verify.noKeys')}</Notice>}
      {result && <VerificationResult result={result} checkedAt={cache.checkedAt} />}
      {result && (
        <Button variant="secondary" className="button-wide" onClick={() => setCode(null)}>
          {t('certificates.verify.another')}
        </Button>
      )}
      {!result && <p>{t('certificates.verify.intro')}</p>}
      {problem && <Notice tone="warning">{problem}</Notice>}
      {!result && (
        <QrReader
          onText={found}
          onProblem={(kind) =>
            setProblem(
              kind === 'camera'
                ? t('certificates.verify.cameraFailed')
                : t('certificates.verify.noQr'),
            )
          }
          labels={{
            scan: t('certificates.verify.scan'),
            stopScan: t('certificates.verify.stopScan'),
            camera: t('certificates.verify.cameraLabel'),
            photo: t('certificates.verify.photo'),
            reading: t('certificates.verify.reading'),
          }}
        />
      )}
      {!result && (
        <form
          className="verify-paste"
          onSubmit={(event) => {
            event.preventDefault();
            if (pasted.trim()) found(pasted.trim());
          }}
        >
          <label className="field">
            <span className="field-label">{t('certificates.verify.pasteLabel')}</span>
            <textarea
              className="input verify-textarea"
              value={pasted}
              rows={4}
              spellCheck={false}
              autoCapitalize="characters"
              onChange={(event) => setPasted(event.target.value)}
            />
          </label>
          <Button type="submit" variant="secondary" className="button-wide">
            {t('certificates.verify.check')}
          </Button>
        </form>
      )}
      {!result && (
        <p className="muted">
          {cache.checkedAt
            ? t('certificates.verify.lastChecked', { time: formatTime(cache.checkedAt, language) })
            : t('certificates.verify.neverChecked')}
        </p>
      )}
      {online && (
        <Button variant="quiet" className="button-wide" onClick={syncNow}>
          {t('certificates.verify.refresh')}
        </Button>
      )}
    </main>
  );
}
