export const CERTIFICATES_PATH = '/certificates';

/** The verifier; also where a `/verify?c=HS1:...` link opens when the app is installed. */
export const VERIFY_PATH = '/verify';

/** A scanned certificate QR: `/V/<code>` (routes match in any case). */
export const VERIFY_LINK_ROUTE = '/v/:code';

export function certificatePath(courseId: string): string {
  return `${CERTIFICATES_PATH}/${courseId}`;
}
