import { BarChart } from './BarChart';

export interface Figure {
  key: string;
  label: string;
  count: number;
}

/** One breakdown of the dashboard: a chart, and the same figures as a table to read. */
export function FigureSection({
  id,
  title,
  figures,
}: {
  id: string;
  title: string;
  figures: Figure[];
}) {
  if (figures.length === 0) return null;
  return (
    <section className="figure-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <BarChart labels={figures.map((f) => f.label)} values={figures.map((f) => f.count)} />
      <table className="figures" data-dimension={id}>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.key} data-key={figure.key}>
              <th scope="row">{figure.label}</th>
              <td>{figure.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
