/** Vietnam keeps UTC+7 all year (no daylight saving): its wall clock is a fixed offset. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day in Vietnam at an instant, as YYYY-MM-DD. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
