import { useEffect, useState } from 'react';
import { removePack } from '../../data/content';
import { usePackStates, type PackState } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { useDownloads } from '../../state/downloads';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { downloadAll } from './download';
import { OpenCourseFile } from './OpenCourseFile';
import { SaveCourseFile } from './SaveCourseFile';
import { formatSize } from './size';

/** What the browser says this app uses and may still use, or null where it cannot say. */
function useStorageEstimate(changes: unknown): { used: number; free: number } | null {
  const [estimate, setEstimate] = useState<{ used: number; free: number } | null>(null);
  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate()
      .then(({ usage, quota }) => {
        if (live && usage !== undefined && quota !== undefined)
          setEstimate({ used: usage, free: Math.max(0, quota - usage) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [changes]);
  return estimate;
}

/** Up to this many downloaded lessons, their list shows open. */
const OPEN_UP_TO = 3;

/**
 * Settings' "lessons on this phone": storage used and free, each downloaded course or
 * walkthrough with its size, "Xoá" (the lesson goes, the person's progress stays) and "Lưu
 * thành tệp để chia sẻ", "Tải tất cả" for a teacher preparing a class, and "Mở tệp bài học"
 * for a course file received from another phone.
 */
export function Downloads() {
  const { t } = useTranslation();
  const language = useLanguage();
  const packs = usePackStates();
  const downloads = useDownloads();
  const estimate = useStorageEstimate(packs);
  const [failed, setFailed] = useState(0);
  if (!packs) return null;
  const held = packs.filter((pack) => pack.state !== 'absent');
  const missing = packs.filter((pack) => pack.state !== 'current');
  const inFlight = missing.filter((pack) => downloads[pack.entry.id]?.phase === 'downloading');
  const totalBytes = missing.reduce((sum, pack) => sum + pack.entry.bytes, 0);
  const loadedBytes = inFlight.reduce((sum, pack) => {
    const download = downloads[pack.entry.id];
    return sum + (download?.phase === 'downloading' ? download.loadedBytes : 0);
  }, 0);
  const size = (bytes: number) => formatSize(bytes, language);
  const titleOf = ({ entry }: PackState) =>
    (entry.courses[0] ?? entry.walkthroughs[0])?.title[language] ?? entry.id;

  return (
    <section aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">{t('settings.storage.title')}</h2>
      <p>
        {estimate
          ? t('settings.storage.used', { used: size(estimate.used), free: size(estimate.free) })
          : t('settings.storage.unknown')}
      </p>
      <p className="muted">{t('settings.storage.kept')}</p>
      {inFlight.length > 0 ? (
        <>
          <ProgressBar
            value={loadedBytes}
            max={totalBytes}
            label={t('settings.storage.downloading', {
              loaded: size(loadedBytes),
              size: size(totalBytes),
            })}
          />
          <p className="muted" aria-live="polite">
            {t('settings.storage.downloading', {
              loaded: size(loadedBytes),
              size: size(totalBytes),
            })}
          </p>
        </>
      ) : missing.length > 0 ? (
        <Button
          className="button-wide"
          onClick={() => void downloadAll(missing.map((pack) => pack.entry)).then(setFailed)}
        >
          {t('settings.storage.downloadAll', { count: missing.length, size: size(totalBytes) })}
        </Button>
      ) : (
        packs.length > 0 && <p role="status">{t('settings.storage.allDownloaded')}</p>
      )}
      {failed > 0 && missing.length > 0 && inFlight.length === 0 && (
        <Notice tone="warning">{t('settings.storage.someFailed', { count: failed })}</Notice>
      )}
      {held.length === 0 ? (
        <p>{t('settings.storage.none')}</p>
      ) : (
        // A teacher who downloaded everything gets one line, not two buttons per course.
        <details className="disclosure" open={held.length <= OPEN_UP_TO}>
          <summary>
            {t('settings.storage.held', {
              count: held.length,
              size: size(held.reduce((sum, pack) => sum + pack.entry.bytes, 0)),
            })}
          </summary>
          <ul className="download-list">
            {held.map((pack) => (
              <li key={pack.entry.id} className="download-row">
                <span className="download-name">
                  {titleOf(pack)}
                  <span className="muted">
                    {' · '}
                    {size(pack.entry.bytes)}
                    {pack.state === 'outdated' && ` · ${t('settings.storage.outdated')}`}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  aria-label={t('settings.storage.removeLabel', { title: titleOf(pack) })}
                  onClick={() => void removePack(pack.entry.id)}
                >
                  {t('settings.storage.remove')}
                </Button>
                <SaveCourseFile packId={pack.entry.id} title={titleOf(pack)} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">{t('learn.courseFile.openHint')}</p>
      <OpenCourseFile />
    </section>
  );
}
