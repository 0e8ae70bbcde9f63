import type { ReactElement } from 'react';

/** Pictures a person picks to recognise their profile without reading. Ids are stored. */
export const AVATARS = ['sun', 'star', 'heart', 'leaf', 'flower', 'fish', 'house', 'moon'] as const;
export type AvatarId = (typeof AVATARS)[number];

const SHAPES: Record<AvatarId, { background: string; shape: ReactElement }> = {
  sun: {
    background: '#ffe8a3',
    shape: (
      <g fill="#b45309" stroke="#b45309" strokeWidth="4" strokeLinecap="round">
        <circle cx="32" cy="32" r="11" />
        <path d="M32 8v8M32 48v8M8 32h8M48 32h8M15 15l6 6M43 43l6 6M15 49l6-6M43 21l6-6" />
      </g>
    ),
  },
  star: {
    background: '#dbeafe',
    shape: <path fill="#1d4ed8" d="M32 9l7 15 16 2-12 11 3 16-14-8-14 8 3-16L9 26l16-2z" />,
  },
  heart: {
    background: '#fde2e4',
    shape: (
      <path
        fill="#be123c"
        d="M32 52S12 40 12 25c0-7 5-12 11-12 4 0 7 2 9 5 2-3 5-5 9-5 6 0 11 5 11 12 0 15-20 27-20 27z"
      />
    ),
  },
  leaf: {
    background: '#dcfce7',
    shape: (
      <g fill="none" stroke="#15803d" strokeWidth="4" strokeLinecap="round">
        <path fill="#15803d" d="M14 50C14 26 30 14 52 12c0 24-14 38-38 38z" />
        <path stroke="#dcfce7" d="M18 46L42 22" />
      </g>
    ),
  },
  flower: {
    background: '#f3e8ff',
    shape: (
      <g fill="#7e22ce">
        <circle cx="32" cy="18" r="9" />
        <circle cx="46" cy="30" r="9" />
        <circle cx="40" cy="46" r="9" />
        <circle cx="24" cy="46" r="9" />
        <circle cx="18" cy="30" r="9" />
        <circle cx="32" cy="33" r="7" fill="#fde047" />
      </g>
    ),
  },
  fish: {
    background: '#cffafe',
    shape: (
      <g fill="#0e7490">
        <path d="M10 32c8-12 26-14 36 0-10 14-28 12-36 0z" />
        <path d="M44 32l12-10v20z" />
        <circle cx="22" cy="29" r="3" fill="#cffafe" />
      </g>
    ),
  },
  house: {
    background: '#ffedd5',
    shape: (
      <g fill="#c2410c">
        <path d="M32 10L8 30h7v22h34V30h7z" />
        <rect x="27" y="38" width="10" height="14" fill="#ffedd5" />
      </g>
    ),
  },
  moon: {
    background: '#e0e7ff',
    shape: <path fill="#4338ca" d="M40 10a22 22 0 1 0 14 34A18 18 0 0 1 40 10z" />,
  },
};

export function isAvatarId(value: unknown): value is AvatarId {
  return (AVATARS as readonly unknown[]).includes(value);
}

export interface AvatarProps {
  avatar: string | undefined;
  /** What the picture shows, read out by screen readers; empty when a name is beside it. */
  label: string;
  size?: number;
}

export function Avatar({ avatar, label, size = 64 }: AvatarProps) {
  const { background, shape } = SHAPES[isAvatarId(avatar) ? avatar : 'sun'];
  return (
    <svg
      className="avatar"
      viewBox="0 0 64 64"
      width={size}
      height={size}
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
    >
      <circle cx="32" cy="32" r="32" fill={background} />
      {shape}
    </svg>
  );
}
