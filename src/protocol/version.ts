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
 */
export const PROTOCOL_VERSION = 3;

/** Sent on every request that has no body (pull), so the server can refuse an outdated app. */
export const PROTOCOL_HEADER = 'x-hoc-so-protocol';

/** Push batches never carry more records than this. */
export const MAX_PUSH_BATCH = 500;

/** Pull pages never carry more records than this. */
export const MAX_PULL_LIMIT = 1000;
