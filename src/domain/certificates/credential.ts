import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { credentialHash } from './canonicalJson.ts';

/** The contexts, in the order Open Badges 3.0 requires (VC 2.0 first). */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT, OB_V3_CONTEXT] as const;

export interface CredentialInput {
  certificateId: string;
  issuer: { id: string; name: string };
  /** Where the achievement (the course) is described: `${issuer.id}/achievements/${courseId}`. */
  achievementId: string;
  course: { title: string; summary: string; mastery: number; questions: number };
  holderName: string;
  /** Random, per certificate: the name is published only as a salted hash. */
  salt: string;
  validFrom: string;
  /** Set when a teacher or volunteer attested that they supervised the quiz. */
  supervision?: Supervision | null;
}

/** A teacher's or volunteer's attestation that the quiz was taken under their supervision. */
export interface Supervision {
  attestationId: string;
  role: 'teacher' | 'volunteer' | 'team_leader';
  /** The class or team they attested for (its name, never a person's). */
  organisation: string;
}

const ATTESTER_WORDS: Record<Supervision['role'], { vi: string; en: string }> = {
  teacher: { vi: 'Giáo viên', en: 'A teacher' },
  volunteer: { vi: 'Thành viên tổ công nghệ số', en: 'A volunteer' },
  team_leader: { vi: 'Tổ trưởng tổ công nghệ số', en: 'A team leader' },
};

/**
 * OB 3.0 Evidence (the credential's `evidence`, which the official schema allows): how the
 * achievement was earned, here a quiz taken under a named organisation's supervision, so a
 * reader tells it from a quiz taken alone. `genre` is the machine-readable mark.
 */
export const SUPERVISED_GENRE = 'Supervised assessment';

export function supervisionEvidence(supervision: Supervision) {
  const who = ATTESTER_WORDS[supervision.role];
  return {
    id: `urn:uuid:${supervision.attestationId}`,
    type: ['Evidence'],
    name: 'Bài kiểm tra có người giám sát (Supervised quiz)',
    description: `${who.vi} của “${supervision.organisation}” xác nhận đã giám sát người học làm bài kiểm tra. (${who.en} of “${supervision.organisation}” attested that they supervised the learner taking the quiz.)`,
    genre: SUPERVISED_GENRE,
  };
}

/** OB 3.0 IdentityObject hash: `sha256$` + hex sha-256 of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${bytesToHex(sha256(utf8ToBytes(identity + salt)))}`;
}

/** The OB 3.0 Achievement a course's certificate stands for (also served on its own). */
export function buildAchievement(input: Pick<CredentialInput, 'achievementId' | 'course'>) {
  const { course } = input;
  const needed = Math.ceil(course.mastery * course.questions - 1e-9);
  return {
    id: input.achievementId,
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: course.title,
    description: course.summary,
    criteria: {
      narrative: `Đạt ít nhất ${needed}/${course.questions} câu đúng trong một lần làm bài kiểm tra của khoá học. (At least ${needed} of ${course.questions} answers right in one attempt at the course quiz.)`,
    },
  };
}

/** The unsigned OpenBadgeCredential (VC 2.0 data model); the server adds the proof. */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { course } = input;
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: `urn:uuid:${input.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    name: course.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: identityHash(input.holderName, input.salt),
          identityType: 'name',
          hashed: true,
          salt: input.salt,
        },
      ],
      achievement: buildAchievement(input),
    },
    ...(input.supervision ? { evidence: [supervisionEvidence(input.supervision)] } : {}),
  };
}

/**
 * Whether a full credential (a downloaded JSON file) is the very one a verified code vouches
 * for: same id and the same sha-256 of its canonical JSON. Offline and fast; any change to any
 * field, proof included, fails.
 */
export function credentialMatchesCode(
  credential: unknown,
  claims: { certificateId: string; credentialHash: string },
): boolean {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    return false;
  }
  if ((credential as { id?: unknown }).id !== `urn:uuid:${claims.certificateId}`) return false;
  try {
    return credentialHash(credential) === claims.credentialHash;
  } catch {
    return false;
  }
}

/** What a programme's certificate says of the programme and the courses it covers. */
export interface ProgrammeCredentialInput {
  certificateId: string;
  issuer: { id: string; name: string };
  /** The programme as the agency assigned it (`urn:uuid:<assignment id>`). */
  achievementId: string;
  programme: { title: string; agency: string };
  /** Each course, with where its own Achievement is published. */
  courses: readonly { id: string; title: string; achievementId: string }[];
  /** A yearly programme's round: the day it began (absent when it is not renewed). */
  roundStart?: string;
  holderName: string;
  salt: string;
  validFrom: string;
}

/**
 * The OB 3.0 Achievement of a programme: a Certificate whose criteria name every course, and
 * one Alignment per course pointing at that course's own Achievement (`ceterms:Credential`),
 * so a reader (or a machine) sees which courses it covers.
 */
export function buildProgrammeAchievement(
  input: Pick<ProgrammeCredentialInput, 'achievementId' | 'programme' | 'courses' | 'roundStart'>,
) {
  const titles = input.courses.map((c) => `“${c.title}”`).join(', ');
  const round = input.roundStart
    ? ` Vòng bắt đầu ngày ${input.roundStart}. (Round starting ${input.roundStart}.)`
    : '';
  return {
    id: input.achievementId,
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: input.programme.title,
    description: `Chương trình bắt buộc của “${input.programme.agency}”, gồm ${input.courses.length} khoá học: ${titles}. (A mandatory programme of “${input.programme.agency}”, of ${input.courses.length} courses.)${round}`,
    criteria: {
      narrative: `Đạt bài kiểm tra của mọi khoá học trong chương trình: ${titles}. (Mastered the quiz of every course of the programme.)`,
    },
    alignment: input.courses.map((course) => ({
      type: ['Alignment'],
      targetName: course.title,
      targetUrl: course.achievementId,
      targetCode: course.id,
      targetType: 'ceterms:Credential',
    })),
  };
}

/** The unsigned OpenBadgeCredential of a programme; the server adds the proof. */
export function buildProgrammeCredential(input: ProgrammeCredentialInput): Record<string, unknown> {
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: `urn:uuid:${input.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    name: input.programme.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: identityHash(input.holderName, input.salt),
          identityType: 'name',
          hashed: true,
          salt: input.salt,
        },
      ],
      achievement: buildProgrammeAchievement(input),
    },
  };
}
