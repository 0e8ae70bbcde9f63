import { database } from './db';
import { guardStorage } from './errors';

/** Ticks or unticks one item of a walkthrough's checklist for a profile. */
export async function setChecklistItem(
  profileId: string,
  walkthroughId: string,
  itemId: string,
  ticked: boolean,
): Promise<void> {
  const db = database();
  await guardStorage(() =>
    db.transaction('rw', db.checklists, async () => {
      const row = await db.checklists.get([profileId, walkthroughId]);
      const items = new Set(row?.ticked ?? []);
      if (ticked) items.add(itemId);
      else items.delete(itemId);
      await db.checklists.put({ profileId, walkthroughId, ticked: [...items].sort() });
    }),
  );
}
