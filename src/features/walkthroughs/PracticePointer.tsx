export interface PracticePointerProps {
  text: string;
}

/** A hand-drawn arrow and a few words above the place to tap, after "show me". */
export function PracticePointer({ text }: PracticePointerProps) {
  return (
    <span className="practice-pointer">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path
          d="M12 3v15M5 12l7 7 7-7"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {text}
    </span>
  );
}
