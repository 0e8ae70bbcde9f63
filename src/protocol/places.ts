import { z } from 'zod';

/** A province or a commune, as the pickers in the app list them (`GET /api/places/…`). */
export const placeSchema = z.object({
  code: z.string().regex(/^\d{2}(\d{3})?$/),
  name: z.string(),
  /** Tỉnh or thành phố for a province; xã, phường or đặc khu for a commune. */
  kind: z.string(),
});
