export const CERTIFICATES_PATH = '/certificates';

/** The verifier; also where a `/verify?c=HS1:...` link opens when the app is installed. */
export const VERIFY_PATH = '/verify';

export function certificatePath(courseId: string): string {
  return `${CERTIFICATES_PATH}/${courseId}`;
}
