import { z } from 'zod';

import { holderNameSchema, slugSchema } from './events.ts';
import { certificateRecordSchema } from './certificates.ts';

/**
 * A programme's certificate (issue 13): an Open Badges 3.0 credential for a programme assigned
 * to a person, signed once every course of it is mastered, one per round of a yearly programme.
 * Its QR code is the same `HS1:` compact code as a course's, `courseId` holding the programme's
 * id and `courseTitle` its title, so any copy of the app verifies it offline unchanged.
 */

/**
 * `POST /api/orgs/:id/programme-certificates`: the caller (staff of the agency) asks for the
 * certificate of a programme of that agency. The profile is the one on the phone that asked.
 */
export const programmeCertificateRequestSchema = z.strictObject({
  assignmentId: z.uuid(),
  profileId: z.uuid(),
  holderName: holderNameSchema,
});
export type ProgrammeCertificateRequest = z.infer<typeof programmeCertificateRequestSchema>;

export const programmeCertificateSchema = certificateRecordSchema.omit({ courseId: true }).extend({
  organisationId: z.uuid(),
  assignmentId: z.uuid(),
  /** The round of a yearly programme it stands for (0 the first); 0 when it is not renewed. */
  round: z.int().min(0),
  programmeId: slugSchema,
  title: z.string(),
  /** The courses it covers, by id, in the programme's order. */
  courses: z.array(slugSchema),
});
export type ProgrammeCertificate = z.infer<typeof programmeCertificateSchema>;

/**
 * Why a request is not signed: the programme does not stand for the caller (withdrawn, another
 * agency's, another unit's, or no such programme), or some course is not mastered (in this round).
 */
export const PROGRAMME_REFUSALS = ['not_assigned', 'not_mastered'] as const;
export type ProgrammeRefusal = (typeof PROGRAMME_REFUSALS)[number];

export const programmeCertificateAnswerSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('signed'), certificate: programmeCertificateSchema }),
  z.strictObject({
    status: z.literal('refused'),
    reason: z.enum(PROGRAMME_REFUSALS),
    /** With `not_mastered`: the courses still to master, by id. */
    remaining: z.array(slugSchema),
  }),
]);
export type ProgrammeCertificateAnswer = z.infer<typeof programmeCertificateAnswerSchema>;

/** `GET /api/programme-certificates`: the caller's own programme certificates, every agency's. */
export const programmeCertificatesResponseSchema = z.strictObject({
  certificates: z.array(programmeCertificateSchema),
});
export type ProgrammeCertificatesResponse = z.infer<typeof programmeCertificatesResponseSchema>;
