/** A join code as people see it: "K7QP-M2XD", letters and digits without look-alikes. */
const CODE = /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/;

/** The link a join QR holds: any phone's camera opens the app at the join screen with it. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/join?code=${encodeURIComponent(code)}`;
}

/**
 * The join code in what was scanned or typed: a join link (from any origin: the app may be
 * served under another name than the one that printed it) or the code itself. Null if neither.
 */
export function codeFromText(text: string): string | null {
  const trimmed = text.trim();
  let candidate = trimmed;
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.pathname !== '/join') return null;
      candidate = url.searchParams.get('code')?.trim() ?? '';
    } catch {
      return null;
    }
  }
  if (!CODE.test(candidate)) return null;
  const bare = candidate.replace('-', '').toUpperCase();
  return `${bare.slice(0, 4)}-${bare.slice(4)}`;
}
