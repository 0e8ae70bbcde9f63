/**
 * The one merge rule of sessions and attendance marks, the same on the phone and the server:
 * versions are never changed, and the latest one wins. The server's order decides (its cursor,
 * `serverSeq`), never a phone's clock; versions this phone has not synced yet come after every
 * synced one, in the order they were made (their UUIDv7 ids sort by creation on one phone).
 */
export interface Version {
  id: string;
  /** The server's cursor once synced; absent while the version waits on this phone. */
  serverSeq?: number;
}

/** Negative when `a` came before `b`. */
export function compareVersions(a: Version, b: Version): number {
  if (a.serverSeq !== undefined && b.serverSeq !== undefined) return a.serverSeq - b.serverSeq;
  if (a.serverSeq !== undefined) return -1;
  if (b.serverSeq !== undefined) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The winning version of each thing (a session, a learner's mark), by the thing's key. */
export function latestVersions<V extends Version>(
  versions: readonly V[],
  keyOf: (version: V) => string,
): Map<string, V> {
  const latest = new Map<string, V>();
  for (const version of [...versions].sort(compareVersions)) latest.set(keyOf(version), version);
  return latest;
}
