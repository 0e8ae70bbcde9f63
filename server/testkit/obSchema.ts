import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

/**
 * 1EdTech's official Open Badges 3.0 AchievementCredential JSON schema (draft 2019-09, copied
 * unchanged into server/certificates/standards), compiled with ajv's 2019 build and formats.
 */
export function obCredentialValidator() {
  const schema = JSON.parse(
    readFileSync(
      new URL(
        '../certificates/standards/ob_v3p0_achievementcredential_schema.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ) as object;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
