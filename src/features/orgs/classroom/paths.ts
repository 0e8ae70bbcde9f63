const base = (organisationId: string) => `/orgs/${encodeURIComponent(organisationId)}`;

export { cardsPath } from '../cardsPath';

/** Every certificate the class's learners hold, printed together. */
export const classCertificatesPath = (organisationId: string) =>
  `${base(organisationId)}/certificates`;
