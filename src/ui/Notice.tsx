import type { ReactNode } from 'react';

export interface NoticeProps {
  tone: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
}

/** A message in a coloured box; errors and warnings are announced to screen readers. */
export function Notice({ tone, children }: NoticeProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
