/**
 * Reading aloud with the Web Speech API. Voices load asynchronously on most phones, so we
 * wait for them; the utterance's language is always set explicitly, and we say whether the
 * phone has a voice for it at all.
 */
export type SpeechLanguage = 'vi-VN' | 'en-US';

export function speechSupported(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

let voices: Promise<SpeechSynthesisVoice[]> | undefined;

/** The phone's voices, once loaded (or after a short wait, if it never says). */
export function loadVoices(waitMs = 1000): Promise<SpeechSynthesisVoice[]> {
  voices ??= new Promise((resolve) => {
    const now = speechSynthesis.getVoices();
    if (now.length > 0) {
      resolve(now);
      return;
    }
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, waitMs);
  });
  return voices;
}

/** The best voice for a language: an exact match first, then any of the same language. */
export function voiceFor(
  available: readonly SpeechSynthesisVoice[],
  language: SpeechLanguage,
): SpeechSynthesisVoice | undefined {
  const normalise = (tag: string) => tag.replace('_', '-').toLowerCase();
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0]!;
  return (
    available.find((voice) => normalise(voice.lang) === wanted) ??
    available.find((voice) => normalise(voice.lang).split('-')[0] === base)
  );
}

export interface SpeakResult {
  /** False when the phone had no voice for the language (it still tries its default). */
  hasVoice: boolean;
  /** Resolves when reading ends or is stopped. */
  finished: Promise<void>;
}

export async function speak(
  text: string,
  language: SpeechLanguage,
  rate: number,
): Promise<SpeakResult> {
  const voice = voiceFor(await loadVoices(), language);
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language;
  utterance.rate = rate;
  if (voice) utterance.voice = voice;
  const finished = new Promise<void>((resolve) => {
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
  });
  speechSynthesis.speak(utterance);
  return { hasVoice: voice !== undefined, finished };
}

export function stopSpeaking(): void {
  if (speechSupported()) speechSynthesis.cancel();
}
