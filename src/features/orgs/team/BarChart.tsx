import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts a horizontal bar chart needs, so the chart chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const BAR_PX = 32;
/** Axis labels are cut to fit a 360 px screen; the table under the chart has them in full. */
const LABEL_CHARS = 16;

const shorten = (label: string) =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label;

export interface BarChartProps {
  labels: string[];
  values: number[];
}

/**
 * Horizontal bars: long Vietnamese labels fit on a narrow phone. The figures are also in the
 * table beside it, so the canvas is decorative for screen readers.
 */
export function BarChart({ labels, values }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: labels.map(shorten),
        datasets: [{ data: values, backgroundColor: '#0b5d3b', borderRadius: 4 }],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { ticks: { autoSkip: false, font: { size: 13 } } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, values]);
  return (
    <div className="bar-chart" style={{ height: `${Math.max(2, labels.length) * BAR_PX + 40}px` }}>
      <canvas ref={canvas} aria-hidden="true" />
    </div>
  );
}
