/** "HH:MM" in the person's language, as figures and sync times are shown. */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A date as "dd/mm/yyyy" (both languages read it the same way here). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

export function todayIso(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** Names in the order of a class list: as Vietnamese sorts, "Học Sinh 2" before "Học Sinh 10". */
export const compareNames = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });
