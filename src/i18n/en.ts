import app from '../../locales/en/app.json';
import learn from '../../locales/en/learn.json';
import sync from '../../locales/en/sync.json';

/** English, complete: loaded only when chosen, and precached so it also works offline. */
export const en = { app, learn, sync };
