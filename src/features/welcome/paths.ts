/** The goal question and the five-question check, for the open profile. */
export const CHECK_PATH = '/start';

/** A phone with nobody on it yet: open a progress passport brought from another phone. */
export const PASSPORT_ARRIVAL_PATH = '/welcome/passport';
