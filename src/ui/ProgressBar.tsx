export interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
}

/** A labelled progress bar; the label is read out, the bar is the picture of it. */
export function ProgressBar({ value, max, label }: ProgressBarProps) {
  return <progress className="progress" value={value} max={Math.max(max, 1)} aria-label={label} />;
}
