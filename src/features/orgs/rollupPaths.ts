/** A province's compliance roll-up, and the nation's by province. */
export const provinceCompliancePath = (code: string) =>
  `/provinces/${encodeURIComponent(code)}/compliance`;
export const NATIONAL_COMPLIANCE_PATH = '/compliance/national';
