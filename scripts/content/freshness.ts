/** How long a walkthrough or course may go without a person checking it against its sources. */
export const RECHECK_MONTHS = 12;

/** The day a check made on `lastChecked` (YYYY-MM-DD) runs out. */
export function recheckDue(lastChecked: string): Date {
  const due = new Date(`${lastChecked}T00:00:00Z`);
  due.setUTCMonth(due.getUTCMonth() + RECHECK_MONTHS);
  return due;
}

/** True when the last check is more than RECHECK_MONTHS before `today`. */
export function isStale(lastChecked: string, today: Date): boolean {
  return today.getTime() > recheckDue(lastChecked).getTime();
}
