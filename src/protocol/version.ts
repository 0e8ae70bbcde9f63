/**
 * The version of the wire contract between the app and the server.
 * DO NOT CHANGE THIS WITHOUT A MIGRATION: bump it only together with a server that answers
 * older clients with a typed `protocol_outdated` refusal, and say so in the issue note.
 * Version 2: one push and one pull carry records of every declared kind (`records/`) instead
 * of learning events alone.
 * Version 3: records a version-2 app cannot read travel on it: visit versions with service
 * categories, visit reviews, and assignments that are programmes, target units or positions, or
 * exempt a person. A version-2 app would refuse a whole pull page holding one of them and stall,
 * so it gets `protocol_outdated` ("please update") instead.
 * Version 4: the answer to a push lists only the refused records, not every accepted id back
 * (over a quarter of the server's CPU on a push, and a download the phone did not need). A
 * version-3 app would read no record as accepted, so it gets `protocol_outdated`. Records are
 * unchanged: a file carried by hand from a version-3 phone is still read (see
 * `OLDEST_READABLE_RECORDS`).
 */
export const PROTOCOL_VERSION = 4;

/**
 * The oldest protocol whose records this server still reads: a carried file made by a phone
 * that has not updated yet is stored, not refused, when its records are unchanged since.
 */
export const OLDEST_READABLE_RECORDS = 3;

/** Sent on every request that has no body (pull), so the server can refuse an outdated app. */
export const PROTOCOL_HEADER = 'x-hoc-so-protocol';

/** Push batches never carry more records than this. */
export const MAX_PUSH_BATCH = 500;

/** Pull pages never carry more records than this. */
export const MAX_PULL_LIMIT = 1000;
