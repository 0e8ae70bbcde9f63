import account from '../../locales/en/account.json';
import admin from '../../locales/en/admin.json';
import app from '../../locales/en/app.json';
import certificates from '../../locales/en/certificates.json';
import learn from '../../locales/en/learn.json';
import orgs from '../../locales/en/orgs.json';
import profiles from '../../locales/en/profiles.json';
import settings from '../../locales/en/settings.json';
import sync from '../../locales/en/sync.json';
import team from '../../locales/en/team.json';
import walkthroughs from '../../locales/en/walkthroughs.json';
import welcome from '../../locales/en/welcome.json';

/** English, complete: loaded only when chosen, and precached so it also works offline. */
export const en = {
  account,
  admin,
  app,
  certificates,
  learn,
  orgs,
  profiles,
  settings,
  sync,
  team,
  walkthroughs,
  welcome,
};
