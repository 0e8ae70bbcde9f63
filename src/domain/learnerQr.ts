/**
 * The learner's profile QR (issue 16): shown on the learner's own phone, scanned by a volunteer
 * to say who was helped. It holds the least that is useful, and only what the learner chose to
 * show: a reference (the profile's random id on their phone) and the name they go by.
 * `HSL1:<ref>:<name, URI-encoded>`.
 */
const PREFIX = 'HSL1:';
const REF = /^[0-9a-f-]{8,36}$/i;

export interface LearnerQr {
  ref: string;
  name: string;
}

export function learnerQrText({ ref, name }: LearnerQr): string {
  return `${PREFIX}${ref}:${encodeURIComponent(name.trim().slice(0, 40))}`;
}

/** The reference and name of a learner QR, or null for any other text. */
export function readLearnerQr(text: string): LearnerQr | null {
  if (!text.startsWith(PREFIX)) return null;
  const rest = text.slice(PREFIX.length);
  const at = rest.indexOf(':');
  if (at < 0) return null;
  const ref = rest.slice(0, at);
  if (!REF.test(ref)) return null;
  try {
    return {
      ref,
      name: decodeURIComponent(rest.slice(at + 1))
        .trim()
        .slice(0, 40),
    };
  } catch {
    return null;
  }
}
