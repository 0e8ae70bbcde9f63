import { useTranslation } from '../../i18n';
import type { Question } from '../../protocol/content';

export interface OrderListProps {
  question: Question;
  order: string[];
  language: 'vi' | 'en';
  disabled: boolean;
  onChange: (order: string[]) => void;
}

/** Put-in-order: each step has big "up" and "down" buttons, so no dragging is needed. */
export function OrderList({ question, order, language, disabled, onChange }: OrderListProps) {
  const { t } = useTranslation();
  const move = (from: number, to: number) => {
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    onChange(next);
  };
  return (
    <ol className="order-list">
      {order.map((id, i) => {
        const option = question.options.find((o) => o.id === id)!;
        return (
          <li key={id} className="order-item" data-option-id={id}>
            <span className="order-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="order-text">{option.text[language]}</span>
            <span className="order-moves">
              <button
                type="button"
                className="button button-secondary order-move"
                disabled={disabled || i === 0}
                aria-label={`${t('learn.quiz.moveUp')}: ${option.text[language]}`}
                onClick={() => move(i, i - 1)}
              >
                {'↑'}
              </button>
              <button
                type="button"
                className="button button-secondary order-move"
                disabled={disabled || i === order.length - 1}
                aria-label={`${t('learn.quiz.moveDown')}: ${option.text[language]}`}
                onClick={() => move(i, i + 1)}
              >
                {'↓'}
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
