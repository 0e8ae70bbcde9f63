import { lazy, type ComponentType } from 'react';

/** A screen loaded only when first shown, from a module's named export. */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
