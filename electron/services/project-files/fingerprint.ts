import { createHash } from 'node:crypto';
import type { Fingerprint } from '../../../shared/api/contract';

/** SHA-256 of some bytes, as lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The fingerprint of bytes read from a file with the given modification time. */
export function fingerprintOf(bytes: Uint8Array, mtimeMs: number): Fingerprint {
  return { mtimeMs, size: bytes.byteLength, sha256: sha256(bytes) };
}
