const base = (organisationId: string) => `/orgs/${encodeURIComponent(organisationId)}`;

/** The sign-in cards of the learners just imported (their passwords are in memory only). */
export const cardsPath = (organisationId: string) => `${base(organisationId)}/cards`;

/** Every certificate the class's learners hold, printed together. */
export const classCertificatesPath = (organisationId: string) =>
  `${base(organisationId)}/certificates`;
