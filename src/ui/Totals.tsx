import './Totals.css';

export interface Total {
  /** Names the figure for tests and styles (`data-total`). */
  key: string;
  label: string;
  value: number;
}

/** A few big figures side by side: a dashboard's or a roll-up's totals. */
export function Totals({ items }: { items: Total[] }) {
  return (
    <dl className="totals">
      {items.map((item) => (
        <div key={item.key}>
          <dt>{item.label}</dt>
          <dd data-total={item.key}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
