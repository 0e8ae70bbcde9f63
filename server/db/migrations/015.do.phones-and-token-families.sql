-- Issue 15: one phone number is one account. Phones are stored as 0 and 9–10 digits; forms the
-- old rule let through (84…, 0084…) move to that form where no account already holds it (two
-- accounts of one number are left for an admin to merge by hand, never merged blindly).
UPDATE accounts a SET phone = '0' || substr(a.phone, 5)
WHERE a.phone ~ '^0084[1-9][0-9]{8,9}$'
  AND NOT EXISTS (SELECT 1 FROM accounts b WHERE b.phone = '0' || substr(a.phone, 5));
UPDATE accounts a SET phone = '0' || substr(a.phone, 3)
WHERE a.phone ~ '^84[1-9][0-9]{8,9}$'
  AND NOT EXISTS (SELECT 1 FROM accounts b WHERE b.phone = '0' || substr(a.phone, 3));

-- New rows keep the rules: one phone form, and a username always holds a letter so it can never
-- be read as a phone number. NOT VALID: rows from before are not checked, only new writes.
ALTER TABLE accounts ADD CONSTRAINT accounts_phone_form
  CHECK (phone ~ '^0[1-9][0-9]{8,9}$') NOT VALID;
ALTER TABLE accounts ADD CONSTRAINT accounts_username_has_letter
  CHECK (username ~ '[a-z]') NOT VALID;

-- An access token belongs to the sign-in (refresh family) that issued it, so revoking the family
-- (a replayed refresh token, a sign-out) ends its access tokens at once. Older rows have none and
-- expire within 15 minutes as before.
ALTER TABLE access_tokens ADD COLUMN family_id uuid;
CREATE INDEX access_tokens_family ON access_tokens (family_id);
