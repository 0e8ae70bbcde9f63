/** Wrong PINs allowed before the profile asks the person to wait. */
export const FREE_PIN_ATTEMPTS = 5;

/**
 * How long to wait after `failures` wrong PINs in a row: nothing for the first few, then
 * 30 seconds, doubling with each further mistake, up to 15 minutes.
 */
export function pinWaitMs(failures: number): number {
  if (failures < FREE_PIN_ATTEMPTS) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_PIN_ATTEMPTS), 15 * 60_000);
}

/** A PIN is exactly four digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4}$/.test(pin);
}
