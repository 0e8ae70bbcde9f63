import type { ReactElement } from 'react';
import type { CheckQuestionId, Goal } from '../../domain/firstPath';

/** A phone outline the question pictures draw on. */
const PHONE = (
  <rect x="20" y="6" width="24" height="52" rx="4" fill="#fff" stroke="#1b1f1d" strokeWidth="3" />
);

const PICTURES: Record<Goal | CheckQuestionId, ReactElement> = {
  family: (
    <g fill="#0b5d3b">
      <circle cx="22" cy="20" r="8" />
      <path d="M8 50c0-10 6-17 14-17s14 7 14 17z" />
      <circle cx="44" cy="24" r="6" fill="#b45309" />
      <path d="M33 52c0-8 5-14 11-14s11 6 11 14z" fill="#b45309" />
    </g>
  ),
  papers: (
    <g>
      <path d="M16 6h24l10 10v42H16z" fill="#fff" stroke="#1f3a5f" strokeWidth="3" />
      <path
        d="M22 26h20M22 34h20M22 42h12"
        stroke="#1f3a5f"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="44" cy="48" r="7" fill="#be123c" />
    </g>
  ),
  money: (
    <g>
      <circle cx="32" cy="32" r="22" fill="#fde047" stroke="#b45309" strokeWidth="3" />
      <path
        d="M32 18v28M25 25c0-4 14-4 14 1s-14 3-14 9 14 5 14 1"
        fill="none"
        stroke="#b45309"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </g>
  ),
  health: (
    <g>
      <rect x="10" y="10" width="44" height="44" rx="10" fill="#fde2e4" />
      <path d="M28 18h8v10h10v8H36v10h-8V36H18v-8h10z" fill="#be123c" />
    </g>
  ),
  unknown: (
    <g>
      <circle cx="32" cy="32" r="24" fill="#e0e7ff" />
      <path
        d="M24 25a8 8 0 1 1 12 7c-3 2-4 3-4 7"
        fill="none"
        stroke="#4338ca"
        strokeWidth="4"
        strokeLinecap="round"
      />
      <circle cx="32" cy="47" r="3" fill="#4338ca" />
    </g>
  ),
  call: (
    <g>
      {PHONE}
      <path d="M27 22c2 8 6 12 10 14l3-3 4 3-2 4c-8 0-16-8-17-17l4-2 3 4z" fill="#0b5d3b" />
    </g>
  ),
  message: (
    <g>
      {PHONE}
      <path d="M24 16h16v10H29l-5 4z" fill="#1d4ed8" />
      <path d="M40 32H26v10h9l5 4z" fill="#0b5d3b" />
    </g>
  ),
  otp: (
    <g>
      {PHONE}
      <rect
        x="23"
        y="22"
        width="18"
        height="10"
        rx="2"
        fill="#fff4d6"
        stroke="#5c4200"
        strokeWidth="2"
      />
      <path d="M26 27h12" stroke="#5c4200" strokeWidth="3" strokeDasharray="2 2" />
      <path d="M46 36l10 18H36z" fill="#be123c" />
      <path d="M46 42v5M46 50v1" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </g>
  ),
  qr: (
    <g fill="#1b1f1d">
      <path
        d="M10 10h18v18H10zM14 14v10h10V14zM36 10h18v18H36zM40 14v10h10V14zM10 36h18v18H10zM14 40v10h10V40z"
        fillRule="evenodd"
      />
      <path d="M36 36h6v6h-6zM48 36h6v6h-6zM42 42h6v6h-6zM36 48h6v6h-6zM48 48h6v6h-6z" />
    </g>
  ),
  vneid: (
    <g>
      <rect
        x="6"
        y="14"
        width="52"
        height="36"
        rx="5"
        fill="#fff"
        stroke="#be123c"
        strokeWidth="3"
      />
      <circle cx="21" cy="30" r="6" fill="#be123c" />
      <path d="M12 44c1-5 5-7 9-7s8 2 9 7z" fill="#be123c" />
      <path
        d="M36 26h16M36 33h16M36 40h10"
        stroke="#1b1f1d"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </g>
  ),
};

/** The picture beside a goal or a check question; the words beside it say the same. */
export function WelcomePicture({
  name,
  size = 64,
}: {
  name: Goal | CheckQuestionId;
  size?: number;
}) {
  return (
    <svg
      className="welcome-picture"
      viewBox="0 0 64 64"
      width={size}
      height={size}
      aria-hidden="true"
    >
      {PICTURES[name]}
    </svg>
  );
}
