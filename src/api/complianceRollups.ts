import {
  accountLookupSchema,
  nationalComplianceSchema,
  provinceComplianceSchema,
  type NationalCompliance,
  type ProvinceCompliance,
  type RollupQuery,
} from '../protocol';
import { accountCall } from './agency';

const query = (filters: RollupQuery) =>
  filters.programme ? `?${new URLSearchParams({ programme: filters.programme })}` : '';

const provincePath = (code: string) => `/api/provinces/${encodeURIComponent(code)}/compliance`;

/** A province's roll-up: every agency's counts (its admins and system admins). */
export async function provinceCompliance(
  token: string,
  code: string,
  filters: RollupQuery,
): Promise<ProvinceCompliance> {
  const response = await accountCall(token, `${provincePath(code)}${query(filters)}`);
  return provinceComplianceSchema.parse(await response.json());
}

/** The same roll-up as a CSV or Excel file. */
export async function provinceComplianceFile(
  token: string,
  code: string,
  filters: RollupQuery,
  format: 'csv' | 'xlsx',
): Promise<Blob> {
  return (await accountCall(token, `${provincePath(code)}.${format}${query(filters)}`)).blob();
}

/** The nation by province (system admins). */
export async function nationalCompliance(
  token: string,
  filters: RollupQuery,
): Promise<NationalCompliance> {
  const response = await accountCall(token, `/api/compliance/national${query(filters)}`);
  return nationalComplianceSchema.parse(await response.json());
}

/**
 * Gives a province to the account a login names (system admins): its name back, or a
 * `not_found` refusal when no account has the login.
 */
export async function nameProvinceAdmin(
  token: string,
  login: string,
  provinceCode: string,
): Promise<{ displayName: string }> {
  const found = await accountCall(token, `/api/admin/accounts?login=${encodeURIComponent(login)}`);
  const account = accountLookupSchema.parse(await found.json());
  await accountCall(token, '/api/admin/province-admins', { accountId: account.id, provinceCode });
  return account;
}
