import { useCourses, useWalkthroughs } from '../../data/hooks';
import { useLanguage } from '../../i18n';
import type { AssignedItem } from '../../protocol';

/** An item one can assign, with its title in the person's language. */
export interface AssignableItem {
  item: AssignedItem;
  title: string;
}

/** The installed courses and walkthroughs, by `kind:id`; undefined while loading. */
export function useAssignableItems(): Map<string, AssignableItem> | undefined {
  const language = useLanguage();
  const courses = useCourses();
  const walkthroughs = useWalkthroughs();
  if (!courses || !walkthroughs) return undefined;
  return new Map([
    ...courses.map((c): [string, AssignableItem] => [
      itemKey({ kind: 'course', id: c.id }),
      { item: { kind: 'course', id: c.id }, title: c.title[language] },
    ]),
    ...walkthroughs.map((w): [string, AssignableItem] => [
      itemKey({ kind: 'walkthrough', id: w.id }),
      { item: { kind: 'walkthrough', id: w.id }, title: w.title[language] },
    ]),
  ]);
}

export const itemKey = (item: AssignedItem) => `${item.kind}:${item.id}`;
