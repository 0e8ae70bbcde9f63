import type { PushResponse, RecordRef } from '../../src/protocol';

/**
 * The records a push stored, read as the phone reads its answer (protocol 4): every record of
 * the batch but those refused, once each, in the order sent. A visit version refused as a
 * `conflict` is stored but flagged, so it is not among them.
 */
export function acceptedOf(sent: readonly RecordRef[], answer: PushResponse): RecordRef[] {
  const refused = new Set(answer.refused.map((r) => `${r.kind} ${r.id}`));
  const seen = new Set<string>();
  return sent.flatMap(({ kind, id }) => {
    const key = `${kind} ${id}`;
    if (refused.has(key) || seen.has(key)) return [];
    seen.add(key);
    return [{ kind, id }];
  });
}
