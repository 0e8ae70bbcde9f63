import { pushResponseSchema, storedOf, type RecordRef, type Refusal } from '../../src/protocol';

/** A push's answer read as the phone reads it: what it stored of the records sent, and what it refused. */
export function readPushAnswer(
  sent: readonly RecordRef[],
  body: unknown,
): { accepted: RecordRef[]; refused: Refusal[] } {
  const { refused } = pushResponseSchema.parse(body);
  return { accepted: storedOf(sent, refused), refused };
}
