import { Link, type LinkProps } from 'react-router';

export interface ButtonLinkProps extends LinkProps {
  variant?: 'primary' | 'secondary' | 'quiet';
}

/** A link that looks like a button: it navigates, so it stays a link for assistive technology. */
export function ButtonLink({ variant = 'primary', className = '', ...rest }: ButtonLinkProps) {
  return <Link className={`button button-${variant} ${className}`.trim()} {...rest} />;
}
