/** Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), for ids that stay the same across exports. */
import { createHash } from 'node:crypto';

/** mikata's own namespace: every id it derives is a name under it. */
export const MIKATA_NAMESPACE = '7a9cacc1-4ae5-4d7a-be88-30720ce0786f';

function bytesOf(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`not a UUID: ${JSON.stringify(uuid)}`);
  return Buffer.from(hex, 'hex');
}

/**
 * @example
 * uuidv5('stix:identity:e12'); // always the same UUID for the same name
 */
const OWN = bytesOf(MIKATA_NAMESPACE);

export function uuidv5(name: string, namespace: string = MIKATA_NAMESPACE): string {
  const hash = createHash('sha1').update(namespace === MIKATA_NAMESPACE ? OWN : bytesOf(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
