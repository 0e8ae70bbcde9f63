import jsonld, { type DocumentLoader } from 'jsonld';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { signEd25519, verifyEd25519 } from '../../src/domain/certificates/keys.ts';
import { bundledLoader } from './contexts.ts';

/**
 * Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C vc-di-eddsa): RDFC-1.0
 * canonical N-Quads of the proof options and of the document, each hashed with SHA-256, the
 * two hashes concatenated and signed with Ed25519. Our own implementation over jsonld;
 * the tests check it with Digital Bazaar's independent verifier.
 */
export interface ProofOptions {
  verificationMethod: string;
  created: string;
}

type Json = Record<string, unknown>;

/** JSON-LD drops nulls silently; our credentials have none, so one is a change the proof misses. */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.values(value as object).some(hasNull);
}

async function canonicalHash(document: Json, documentLoader: DocumentLoader): Promise<Uint8Array> {
  const nquads = await jsonld.canonize(document, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    documentLoader,
    safe: true,
  });
  return sha256(utf8ToBytes(nquads));
}

async function hashData(document: Json, proofConfig: Json, loader: DocumentLoader) {
  const [proofHash, documentHash] = await Promise.all([
    canonicalHash(proofConfig, loader),
    canonicalHash(document, loader),
  ]);
  const data = new Uint8Array(64);
  data.set(proofHash, 0);
  data.set(documentHash, 32);
  return data;
}

export async function signCredential(
  credential: Json,
  privateKey: Uint8Array,
  options: ProofOptions,
): Promise<Json> {
  const proofConfig: Json = {
    '@context': credential['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const data = await hashData(credential, proofConfig, bundledLoader());
  const { '@context': _context, ...proof } = proofConfig;
  const proofValue = `z${base58.encode(signEd25519(data, privateKey))}`;
  // An array, as the official OB 3.0 JSON schema requires (one proof means the same in RDF).
  return { ...credential, proof: [{ ...proof, proofValue }] };
}

/**
 * Checks a credential's eddsa-rdfc-2022 proof with the given public key (the caller resolves
 * `proof.verificationMethod` to a published key). False for anything malformed; never throws.
 */
export async function verifyCredentialProof(
  signed: Json,
  publicKeyFor: (verificationMethod: string) => Uint8Array | null,
): Promise<boolean> {
  try {
    if (hasNull(signed)) return false;
    const { proof: proofs, ...credential } = signed;
    // One proof: in an array (since OB 3.0 conformance) or alone (certificates signed before).
    const proof = Array.isArray(proofs) ? (proofs.length === 1 ? proofs[0] : null) : proofs;
    if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return false;
    const { proofValue, ...rest } = proof as Json;
    const keys = Object.keys(rest).sort().join(',');
    if (keys !== 'created,cryptosuite,proofPurpose,type,verificationMethod') return false;
    if (rest.type !== 'DataIntegrityProof' || rest.cryptosuite !== 'eddsa-rdfc-2022') return false;
    if (rest.proofPurpose !== 'assertionMethod' || typeof proofValue !== 'string') return false;
    if (typeof rest.verificationMethod !== 'string' || !proofValue.startsWith('z')) return false;
    const publicKey = publicKeyFor(rest.verificationMethod);
    if (!publicKey) return false;
    const signature = base58.decode(proofValue.slice(1));
    if (signature.length !== 64) return false;
    const data = await hashData(
      credential,
      { '@context': credential['@context'], ...rest },
      bundledLoader(),
    );
    return verifyEd25519(signature, data, publicKey);
  } catch {
    return false;
  }
}
