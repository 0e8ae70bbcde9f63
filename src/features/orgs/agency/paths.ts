/** An agency's compliance report: who has finished each programme, by unit and status. */
export const compliancePath = (organisationId: string) =>
  `/orgs/${encodeURIComponent(organisationId)}/compliance`;
