interface JoinCodeCardProps {
  code: string;
  /** The code as a QR image (data URL). */
  qr: string;
  qrAlt: string;
  hint: string;
}

/** A join code shown big, with its QR, for a new member to type or scan. */
export function JoinCodeCard({ code, qr, qrAlt, hint }: JoinCodeCardProps) {
  return (
    <section className="join-code" aria-live="polite">
      <p className="join-code-text">{code}</p>
      <img className="join-code-qr" src={qr} alt={qrAlt} />
      <p className="muted">{hint}</p>
    </section>
  );
}
