import { useEffect, useRef, useState } from 'react';
import { useLanguage, useTranslation } from '../../i18n';
import { speak, speechSupported, stopSpeaking } from '../../lib/speech';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useSettings } from '../settings/useSettings';
import './readAloud.css';

export interface ReadAloudButtonProps {
  /** What is read, in the current language. */
  text: string;
  /** A recording to play instead of the phone's voice, when the content has one. */
  audio?: string | undefined;
}

let stopCurrent: (() => void) | null = null;

/**
 * "Đọc to": reads the text (or plays its recording) at the profile's speed; tap again to stop.
 * When the phone has no voice for the language, or cannot read aloud at all, it says so right
 * under this button, where the person is looking, not in a notice at the top of the screen.
 */
export function ReadAloudButton({ text, audio }: ReadAloudButtonProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [{ readingRate }] = useSettings();
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<'no-voice' | 'unsupported' | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      stopCurrent?.();
    };
  }, []);

  const stop = () => {
    stopCurrent?.();
    stopCurrent = null;
  };

  const start = async () => {
    stop();
    const finish = () => {
      if (mounted.current) setPlaying(false);
    };
    setPlaying(true);
    if (audio) {
      const element = new Audio(audio);
      element.playbackRate = readingRate;
      element.onended = finish;
      stopCurrent = () => {
        element.pause();
        finish();
      };
      await element.play().catch(finish);
      return;
    }
    if (!speechSupported()) {
      setProblem('unsupported');
      finish();
      return;
    }
    stopCurrent = () => {
      stopSpeaking();
      finish();
    };
    const result = await speak(text, language === 'vi' ? 'vi-VN' : 'en-US', readingRate);
    if (mounted.current) setProblem(result.hasVoice ? null : 'no-voice');
    await result.finished;
    finish();
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet read-aloud"
        aria-pressed={playing}
        onClick={() => (playing ? stop() : void start())}
      >
        <svg className="read-aloud-icon" viewBox="0 0 24 24" aria-hidden="true">
          {playing ? (
            <rect x="6" y="6" width="12" height="12" rx="1" />
          ) : (
            <path d="M4 9h4l5-4v14l-5-4H4zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />
          )}
        </svg>
        {playing ? t('learn.readAloud.stop') : t('learn.readAloud.button')}
      </button>
      {problem && (
        <div className="read-aloud-problem">
          <Notice tone="warning">
            {problem === 'no-voice'
              ? t('learn.readAloud.noVoice')
              : t('learn.readAloud.unsupported')}{' '}
            <Button variant="quiet" onClick={() => setProblem(null)}>
              {t('learn.readAloud.dismiss')}
            </Button>
          </Notice>
        </div>
      )}
    </>
  );
}
