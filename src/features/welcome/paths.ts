/** The goal question and the five-question check, for the open profile. */
export const CHECK_PATH = '/start';
