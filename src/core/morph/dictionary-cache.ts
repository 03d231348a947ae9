/**
 * The analyser's dictionary as it is used, kept unpacked in one file: unpacking the packaged files is most of a
 * load (100 MB gunzipped, 0.4–0.7 s of CPU, for 61 MB that the search reads), and a short document's analysis is
 * mostly that load. The file is written once, beside the installed packages (node_modules/.cache/mikata, the
 * usual place for tools' caches) or where MIKATA_CACHE_DIR says (empty: no cache), and read back as it is: one
 * read and typed-array views, 20 ms.
 *
 * It is only ever a copy. It names the packaged files it was made from (their sizes and times) and its own layout;
 * a file that does not match, or is short, or is not one, is ignored and made again. It is written to a temporary
 * name and renamed, so a reader never sees half of one; a directory that cannot be written just means no cache.
 *
 * Layout: 8 bytes of magic, a 32-bit little-endian header length, the header (JSON: key, scalars and the sections
 * as [name, type, byte offset, element count]), then each section at a multiple of 8 bytes.
 */
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const MAGIC = 'MKTDIC01';

type ArrayType = 'i32' | 'i16' | 'u8';
export type Section = Int32Array | Int16Array | Uint8Array;
type Constructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Section;

const TYPES: Record<ArrayType, { make: Constructor; bytes: number }> = {
  i32: { make: Int32Array, bytes: 4 },
  i16: { make: Int16Array, bytes: 2 },
  u8: { make: Uint8Array, bytes: 1 },
};

interface Header {
  key: string;
  scalars: Record<string, number>;
  sections: [name: string, type: ArrayType, offset: number, length: number][];
}

function typeOf(a: Section): ArrayType {
  return a instanceof Int32Array ? 'i32' : a instanceof Int16Array ? 'i16' : 'u8';
}

/** The cache file for `name` in `dir`; null when caching is off (MIKATA_CACHE_DIR set empty). */
export function cacheFile(defaultDir: string, name: string): string | null {
  const dir = process.env.MIKATA_CACHE_DIR ?? defaultDir;
  return dir === '' ? null : join(dir, name);
}

/** What a cache file holds: its sections, each a view of the one buffer read, and its scalars. */
export interface Stored {
  sections: Map<string, Section>;
  scalars: Record<string, number>;
}

/**
 * The sections and scalars stored in `path` under `key`; null when there is no such file or it is not a whole
 * cache made under `key`.
 */
export function readCache(path: string, key: string): Stored | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (!plausible(size)) return null;
    const bytes = sharedBytes(size);
    for (let at = 0; at < size;) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n <= 0) return null;
      at += n;
    }
    return parse(bytes, key);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** As readCache, read on libuv's threads: the 57 MB read (its page faults most of all) leaves this thread free. */
export async function readCacheAsync(path: string, key: string): Promise<Stored | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await file.stat()).size;
    if (!plausible(size)) return null;
    const bytes = sharedBytes(size);
    for (let at = 0; at < size;) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead <= 0) return null;
      at += bytesRead;
    }
    return parse(bytes, key);
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

function plausible(size: number): boolean {
  return size >= 12 && size <= 1 << 30;
}

/**
 * A buffer of the file's size, so every section is an aligned view of it; shared memory, so the tokenising thread
 * (prefetch.ts) gets the dictionary without a copy.
 */
function sharedBytes(size: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(size));
}

function parse(bytes: Uint8Array, key: string): Stored | null {
  const size = bytes.length;
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + headerLength > size) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return null;
  }
  if (header.key !== key || !Array.isArray(header.sections)) return null;
  const sections = new Map<string, Section>();
  for (const [name, type, offset, length] of header.sections) {
    const t = TYPES[type];
    if (!t || !Number.isInteger(offset) || !Number.isInteger(length) || offset % 8 || offset < 12 + headerLength || length < 0 || offset + length * t.bytes > size) return null;
    sections.set(name, new t.make(bytes.buffer, bytes.byteOffset + offset, length));
  }
  return { sections, scalars: header.scalars };
}

/** Writes `sections` and `scalars` to `path` under `key`; false when it could not (nothing is left behind). */
export function writeCache(path: string, key: string, sections: ReadonlyMap<string, Section>, scalars: Record<string, number>): boolean {
  const entries: Header['sections'] = [];
  // Offsets depend on the header's length, which depends on the offsets' digits: lay out with room to spare.
  const draft = JSON.stringify({ key, scalars, sections: [...sections].map(([name, a]) => [name, typeOf(a), 1e12, a.length]) });
  const first = align(12 + Buffer.byteLength(draft));
  let at = first;
  for (const [name, a] of sections) {
    entries.push([name, typeOf(a), at, a.length]);
    at = align(at + a.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ key, scalars, sections: entries } satisfies Header));
  const head = Buffer.alloc(first);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 8);
  header.copy(head, 12);
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  let fd: number | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(temp, 'w');
    writeAll(fd, head, 0);
    let i = 0;
    for (const [, a] of sections) writeAll(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength), entries[i++]![2]);
    // (To the end of the layout, so that an empty last section lies inside the file too.)
    ftruncateSync(fd, at);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
    return true;
  } catch {
    try {
      if (fd !== null) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // (Nothing was made where nothing can be.)
    }
    return false;
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
