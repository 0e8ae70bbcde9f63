import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { usePackOf } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useDownloads } from '../../state/downloads';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { downloadAndInstall } from './download';
import { OpenCourseFile } from './OpenCourseFile';
import { formatSize } from './size';

export interface PackGateProps {
  kind: 'course' | 'walkthrough';
  children: ReactNode;
}

/**
 * Shows a course's or walkthrough's screens once its pack is on the phone. Opening one that is
 * not downloads it (with a connection), with its size and a progress bar; offline, it says a
 * connection is needed, or installs it from a course file received from another phone. An older version already here is used while the new one downloads.
 */
export function PackGate({ kind, children }: PackGateProps) {
  const params = useParams();
  const itemId = (kind === 'course' ? params.courseId : params.walkthroughId) ?? '';
  const pack = usePackOf(kind, itemId);
  const online = useSession((s) => s.online);
  const download = useDownloads((all) => (pack ? all[pack.entry.id] : undefined));
  const absent = pack?.state === 'absent';
  const entry = pack?.entry;
  const startNow = absent && online && download === undefined;
  useEffect(() => {
    if (startNow && entry) void downloadAndInstall(entry);
  }, [startNow, entry]);

  if (pack === undefined) return <LoadingScreen />;
  // Not in the catalogue (the screen says so) or on the phone: the screen itself.
  if (!absent || !entry) return children;
  return <NotDownloaded kind={kind} itemId={itemId} />;
}

function NotDownloaded({ kind, itemId }: { kind: PackGateProps['kind']; itemId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pack = usePackOf(kind, itemId);
  const online = useSession((s) => s.online);
  const download = useDownloads((all) => (pack ? all[pack.entry.id] : undefined));
  if (!pack) return <LoadingScreen />;
  const { entry } = pack;
  const item = (kind === 'course' ? entry.courses : entry.walkthroughs).find(
    (it) => it.id === itemId,
  );
  const size = formatSize(entry.bytes, language);
  const problem =
    download?.phase === 'failed' ? download.reason : online ? undefined : ('offline' as const);
  return (
    <main className="screen">
      {item && <h1>{item.title[language]}</h1>}
      {item && <p>{item.summary[language]}</p>}
      <p>{t('learn.download.needsDownload')}</p>
      {download?.phase === 'downloading' ? (
        <>
          <ProgressBar
            value={download.loadedBytes}
            max={download.totalBytes}
            label={t('learn.download.downloading', {
              loaded: formatSize(download.loadedBytes, language),
              size,
            })}
          />
          <p className="muted" aria-live="polite">
            {t('learn.download.downloading', {
              loaded: formatSize(download.loadedBytes, language),
              size,
            })}
          </p>
        </>
      ) : (
        <>
          {problem && (
            <Notice tone={problem === 'offline' ? 'warning' : 'error'}>
              {t(`learn.download.${problem}`, { size })}
            </Notice>
          )}
          <Button className="button-wide" onClick={() => void downloadAndInstall(entry)}>
            {t('learn.download.download', { size })}
          </Button>
        </>
      )}
      <p className="muted">{t('learn.courseFile.openHint')}</p>
      <OpenCourseFile />
      <ButtonLink to="/" variant="secondary" className="button-wide">
        {t('app.home')}
      </ButtonLink>
    </main>
  );
}
