import { v7 as uuidv7 } from 'uuid';

/** Event ids are UUIDv7: unique without coordination, and they sort by creation time. */
export function newEventId(): string {
  return uuidv7();
}

/** Ids that need no ordering: devices, profiles. */
export function newRandomId(): string {
  return crypto.randomUUID();
}
