import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface LinkListItem {
  key: string;
  /** Where the row leads; without it the row is only text. */
  to?: string | undefined;
  title: ReactNode;
  /** A second, quieter line under the title. */
  detail?: ReactNode;
  /** Something at the end of the row: a badge, a count, a status. */
  aside?: ReactNode;
}

/** A list of rows, each a big link with a title, an optional second line and an end badge. */
export function LinkList({ items, className = '' }: { items: LinkListItem[]; className?: string }) {
  return (
    <ul className={`lesson-list ${className}`.trim()}>
      {items.map((item) => {
        const body = (
          <>
            <span className="lesson-name">
              {item.title}
              {item.detail !== undefined && (
                <span className="muted link-list-detail">{item.detail}</span>
              )}
            </span>
            {item.aside}
          </>
        );
        return (
          <li key={item.key}>
            {item.to ? (
              <Link to={item.to} className="lesson-link">
                {body}
              </Link>
            ) : (
              <span className="lesson-link">{body}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
