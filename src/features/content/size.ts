/** A size in bytes as a person reads it: "84 KB", "1,2 MB" (in the language's own digits). */
export function formatSize(bytes: number, language: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1000 * 1000) return `${number(Math.max(1, Math.round(bytes / 1000)))} KB`;
  if (bytes < 1000 * 1000 * 1000) return `${number(bytes / 1000 / 1000)} MB`;
  return `${number(bytes / 1000 / 1000 / 1000)} GB`;
}
