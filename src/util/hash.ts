import { createHash } from 'node:crypto';

/** Content hash used for caching and manifests: sha256, hex, truncated to 16 chars (64 bits). */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** Full-length sha256 for whole source files (the manifest's record of what was built from). */
export function fileHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
