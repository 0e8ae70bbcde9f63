/** The sign-in cards of the people just imported (their passwords are in memory only). */
export const cardsPath = (organisationId: string) =>
  `/orgs/${encodeURIComponent(organisationId)}/cards`;
