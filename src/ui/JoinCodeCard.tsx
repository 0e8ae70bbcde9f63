import './JoinCodeCard.css';

interface JoinCodeCardProps {
  code: string;
  /** The join link the QR holds, shown too so it can be sent in a message. */
  link: string;
  /** The link as a QR image (data URL). */
  qr: string;
  qrAlt: string;
  hint: string;
}

/** A join code shown big, with its link and the link's QR, for new members to type or scan. */
export function JoinCodeCard({ code, link, qr, qrAlt, hint }: JoinCodeCardProps) {
  return (
    <section className="join-code" aria-live="polite">
      <p className="join-code-text">{code}</p>
      <img className="join-code-qr" src={qr} alt={qrAlt} />
      <p className="join-code-link">
        <a href={link}>{link}</a>
      </p>
      <p className="muted">{hint}</p>
    </section>
  );
}
