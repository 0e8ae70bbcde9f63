import account from '../../locales/vi/account.json';
import admin from '../../locales/vi/admin.json';
import app from '../../locales/vi/app.json';
import certificates from '../../locales/vi/certificates.json';
import learn from '../../locales/vi/learn.json';
import orgs from '../../locales/vi/orgs.json';
import profiles from '../../locales/vi/profiles.json';
import settings from '../../locales/vi/settings.json';
import sync from '../../locales/vi/sync.json';
import team from '../../locales/vi/team.json';
import walkthroughs from '../../locales/vi/walkthroughs.json';
import welcome from '../../locales/vi/welcome.json';

/** Vietnamese, the source language: bundled with the first screen. Other languages load lazily. */
export const vi = {
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
export type Resources = typeof vi;

/** Each area is one file per language in locales/<lang>/<area>.json. */
export const AREAS = Object.keys(vi) as (keyof Resources)[];
