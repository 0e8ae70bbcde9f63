import { ButtonLink } from './ButtonLink';

export interface ScreenMessageProps {
  message: string;
  actionLabel: string;
  actionTo: string;
}

/** A whole screen that only says something (e.g. "not found") and offers one way on. */
export function ScreenMessage({ message, actionLabel, actionTo }: ScreenMessageProps) {
  return (
    <main className="screen">
      <p>{message}</p>
      <ButtonLink to={actionTo}>{actionLabel}</ButtonLink>
    </main>
  );
}

/** The screen while its data is read from the device: empty, and marked busy. */
export function LoadingScreen() {
  return <main className="screen" aria-busy="true" />;
}
