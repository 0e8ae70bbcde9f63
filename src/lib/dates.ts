/**
 * Dates from content ("2025-06", "2025-06-05") as people read them: "tháng 6/2025" and
 * "ngày 5/6/2025" in Vietnamese, "June 2025" and "5 June 2025" in English. Anything else is
 * shown as written rather than hidden.
 */
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function readableDate(value: string, language: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/.exec(value);
  if (!match) return value;
  const [, year, monthText, dayText] = match;
  const month = Number(monthText);
  const day = dayText ? Number(dayText) : undefined;
  if (language === 'en') {
    const name = EN_MONTHS[month - 1]!;
    return day ? `${day} ${name} ${year}` : `${name} ${year}`;
  }
  return day ? `ngày ${day}/${month}/${year}` : `tháng ${month}/${year}`;
}
