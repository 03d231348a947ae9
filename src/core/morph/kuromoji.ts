/**
 * The default Japanese analyser: a Viterbi search over the IPADIC dictionary that ships inside the `kuromoji`
 * package (Apache-2.0; no download at run time). kuromoji was chosen over lindera's WASM build because it was
 * 2–3× faster here on news text and loads in well under a second.
 *
 * Only kuromoji's data is used, not its code, and the tokens are the ones kuromoji's search gives. Its lattice is
 * an object per candidate word (surface string, type tag, back pointer) in arrays of arrays, its trie lookup encodes
 * the text to UTF-8 afresh at every position and decodes each match back to a string, and its dictionary loader
 * unpacks the entry index into an object of 325 000 arrays. Here the trie is walked byte by byte while the code
 * points are encoded, the lattice lives in typed arrays reused from call to call, and costs are read from the
 * packaged buffers: 6× faster on news sentences, 10× on a mixed 2 MB corpus, and 70 MB of dictionary in memory
 * instead of 160. The search keeps kuromoji's order of nodes and its tie-breaking; test/core/morph.test.ts checks
 * the tokens against the kuromoji-based path this replaced.
 *
 * The dictionary is read synchronously, once, on first use, unless `preloadJaTokenizer` has read it in the
 * background; from the unpacked copy that the first load keeps (dictionary-cache.ts) when there is one. Token
 * features are decoded once per entry and cached.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { constants as zlibConstants, gunzip as gunzipAsync, gunzipSync, type ZlibOptions } from 'node:zlib';
import type { JaToken, JaTokenizer } from './tokens.ts';
import { cacheFile, readCache, readCacheAsync, writeCache, type Section, type Stored } from './dictionary-cache.ts';

interface Features {
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  conj: string;
  base: string;
}

/** Longest piece handed to one Viterbi search: the lattice grows with it, so a line with no 、。 is cut. */
const MAX_PIECE = 512;

/**
 * How far (in code units) an unknown word is grouped and the trie is walked from a position. kuromoji looks at the
 * whole rest of the text, which makes a piece cost the square of its length; no IPADIC key is longer than 26.
 */
const MAX_KEY = 48;

let cached: { tokenizer: JaTokenizer; loadMs: number } | null = null;

/** The shared analyser, loaded on first call (from the buffers `preloadJaTokenizer` read, when it has finished). */
export function defaultJaTokenizer(): JaTokenizer {
  if (!cached) {
    const files = preloaded;
    const copy = preloadedDictionary;
    preloaded = null;
    preloadedDictionary = null;
    if (copy) {
      cached = { tokenizer: createTokenizer(copy), loadMs: preloadMs };
    } else {
      cached = loadKuromoji(files ?? undefined);
      if (files) cached.loadMs += preloadMs;
    }
  }
  return cached.tokenizer;
}

/** How long loading the dictionary took (0 before it was loaded); for a preloaded one, its background read too. */
export function jaTokenizerLoadMs(): number {
  return cached?.loadMs ?? 0;
}

let preloaded: Map<string, Uint8Array> | null = null;
let preloadedDictionary: Dictionary | null = null;
let preloading: Promise<void> | null = null;
let preloadWanted = false;
let preloadMs = 0;

/**
 * Reads and unpacks the dictionary's files in the background (zlib's thread pool, several files at once), for a
 * caller with other work to do before the first sentence is tokenised: the CLI starts it, finds a long document's
 * outline meanwhile, and awaits it before the claims. Unpacking is most of the load (0.5 s of 0.6). Resolves when
 * `defaultJaTokenizer` can build the analyser without reading a file; never rejects (a file it could not read is
 * read again, and its error raised, by the synchronous load).
 */
export function preloadJaTokenizer(): Promise<void> {
  if (cached) return Promise.resolve();
  preloadWanted = true;
  preloading ??= (async () => {
    const t0 = performance.now();
    // An unpacked copy is read instead, in the background too (see dictionary-cache.ts).
    const target = cacheTarget();
    const copy = target && fromStored(await readCacheAsync(target.path, target.key));
    if (copy) {
      if (!cached && preloadWanted) preloadedDictionary = copy;
      preloadMs = performance.now() - t0;
      return;
    }
    const root = dictionaryRoot();
    const unpack = promisify<Buffer, ZlibOptions, Buffer>(gunzipAsync);
    try {
      // Read at once (20 MB from the page cache: milliseconds), then unpacked in the background: a file read in the
      // background goes in 512 KB steps, each waiting for this thread, which is busy with the document meanwhile.
      const packed = DICTIONARY_FILES.map((file) => [file, readFileSync(join(root, file))] as const);
      const entries = await Promise.all(packed.map(async ([file, gz]) => [file, await unpack(gz, { chunkSize: chunkSizeFor(gz) })] as const));
      if (!cached && preloadWanted) preloaded = new Map(entries);
    } catch {
      // The synchronous load reads the files again and reports what is wrong with them.
    }
    preloadMs = performance.now() - t0;
  })();
  return preloading;
}

/** Lets go of what `preloadJaTokenizer` read or is reading (a text that turned out English: 100 MB of buffers). */
export function dropJaPreload(): void {
  preloadWanted = false;
  preloaded = null;
  preloadedDictionary = null;
  preloading = null;
}

/** Loads the analyser; `files`, when given, are the dictionary's files already unpacked (by name). */
export function loadKuromoji(files?: ReadonlyMap<string, Uint8Array>): { tokenizer: JaTokenizer; loadMs: number } {
  const t0 = performance.now();
  const tokenizer = createTokenizer(loadDictionary(files));
  return { tokenizer, loadMs: performance.now() - t0 };
}

/**
 * Entries as kuromoji packs them: per entry, at a byte offset (its id), left id, right id, word cost, feature offset.
 * The shorts are read as a platform Int16Array, as kuromoji itself reads cc.dat: a little-endian host is assumed.
 */
interface Entries {
  shorts: Int16Array;
  bytes: Uint8Array;
  /** NUL-terminated UTF-8 lines `surface,pos,pos1,…`. */
  features: Uint8Array;
}

/** kuromoji's `target_map` (trie value or character class → entry ids), flattened: ids[start[k]] … ids[start[k + 1] - 1]. */
interface TargetMap {
  start: Int32Array;
  ids: Int32Array;
}

export interface Dictionary {
  /** Double-array trie over the UTF-8 bytes of the surfaces (the `doublearray` package's layout). */
  base: Int32Array;
  check: Int32Array;
  known: Entries;
  surfaces: TargetMap;
  unknown: Entries;
  classes: TargetMap;
  /** Character class of each UTF-16 code unit (char.def); kuromoji gives a code point outside the BMP DEFAULT instead. */
  charClass: Uint8Array;
  defaultClass: number;
  /** Per class: kuromoji's is_always_invoke and is_grouping, and the class its name resolves to (grouping compares names). */
  invoke: Uint8Array;
  group: Uint8Array;
  nameOf: Int32Array;
  /** Connection costs, [right id of the left word][left id of the right word], after two leading dimensions. */
  costs: Int16Array;
  backward: number;
}

/** The packaged files the analyser reads (unk_compat.dat is not: see loadDictionary). */
const DICTIONARY_FILES = ['check.dat.gz', 'base.dat.gz', 'tid_map.dat.gz', 'unk_map.dat.gz', 'cc.dat.gz', 'unk_invoke.dat.gz', 'tid.dat.gz', 'tid_pos.dat.gz', 'unk.dat.gz', 'unk_pos.dat.gz', 'unk_char.dat.gz'] as const;

function dictionaryRoot(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

function loadDictionary(files?: ReadonlyMap<string, Uint8Array>): Dictionary {
  const target = cacheTarget();
  if (!files && target) {
    const copy = fromStored(readCache(target.path, target.key));
    if (copy) return copy;
  }
  const dictionary = unpackDictionary(files);
  if (target) writeDictionaryCache(target, dictionary);
  return dictionary;
}

/** The dictionary from the packaged files (or those files already unpacked, by name). */
function unpackDictionary(files?: ReadonlyMap<string, Uint8Array>): Dictionary {
  const read = (file: (typeof DICTIONARY_FILES)[number]): Uint8Array => files?.get(file) ?? gunzip(join(dictionaryRoot(), file));
  // The packaged buffers are padded to a power of two (zeros; free trie cells). What the indexes reach is kept as a
  // view of the gunzipped buffer, or copied when it is under half of it (the padding would then outweigh the copy).
  // unk_compat.dat (char.def's compatible categories) is not read: kuromoji's lattice builder never consults it.
  const fullCheck = int32s(read('check.dat.gz'));
  let nodes = fullCheck.length;
  while (nodes > 0 && fullCheck[nodes - 1] < 0) nodes--;
  const base = int32s(read('base.dat.gz'), nodes);
  const check = fullCheck.subarray(0, nodes);
  const surfaces = readTargetMap(read('tid_map.dat.gz'));
  const classes = readTargetMap(read('unk_map.dat.gz'));
  const cc = read('cc.dat.gz');
  const costs = cc.byteOffset % 2 ? new Int16Array(copy(cc).buffer) : new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1);
  const { invoke, group, nameOf, defaultClass } = readClasses(read('unk_invoke.dat.gz'));
  return {
    base,
    check,
    known: readEntries(read('tid.dat.gz'), read('tid_pos.dat.gz'), surfaces),
    surfaces,
    unknown: readEntries(read('unk.dat.gz'), read('unk_pos.dat.gz'), classes),
    classes,
    charClass: read('unk_char.dat.gz'),
    defaultClass,
    invoke,
    group,
    nameOf,
    costs,
    backward: costs[1],
  };
}

// ------------------------------------------------------------------------------------------ unpacked copy

/** Layout of the cached dictionary: bump when `Dictionary` or how it is read changes. */
const CACHE_FORMAT = 1;

/** Where the unpacked copy lives and what it must have been made from (the packaged files' sizes and times). */
function cacheTarget(): { path: string; key: string } | null {
  try {
    const root = dictionaryRoot();
    const path = cacheFile(join(root, '..', '..', '.cache', 'mikata'), 'ipadic.bin');
    if (!path) return null;
    const stamps = DICTIONARY_FILES.map((file) => {
      const s = statSync(join(root, file));
      return `${file}:${s.size}:${Math.trunc(s.mtimeMs)}`;
    });
    return { path, key: `mikata-ipadic/${CACHE_FORMAT} ${root} ${stamps.join(' ')}` };
  } catch {
    return null;
  }
}

/** The dictionary in a cache file's sections, or null when one is missing or does not fit. */
function fromStored(stored: Stored | null): Dictionary | null {
  if (!stored) return null;
  const { sections: a, scalars } = stored;
  const get = <T extends Section>(name: string, type: new (...args: never[]) => T): T | null => {
    const x = a.get(name);
    return x instanceof type ? x : null;
  };
  const entries = (prefix: string): Entries | null => {
    const bytes = get(`${prefix}.bytes`, Uint8Array);
    const features = get(`${prefix}.features`, Uint8Array);
    return bytes && features ? { bytes, features, shorts: new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1) } : null;
  };
  const map = (prefix: string): TargetMap | null => {
    const start = get(`${prefix}.start`, Int32Array);
    const ids = get(`${prefix}.ids`, Int32Array);
    return start && ids ? { start, ids } : null;
  };
  const d = {
    base: get('base', Int32Array), check: get('check', Int32Array), known: entries('known'), surfaces: map('surfaces'),
    unknown: entries('unknown'), classes: map('classes'), charClass: get('charClass', Uint8Array), defaultClass: scalars.defaultClass,
    invoke: get('invoke', Uint8Array), group: get('group', Uint8Array), nameOf: get('nameOf', Int32Array), costs: get('costs', Int16Array), backward: scalars.backward,
  };
  for (const v of Object.values(d)) if (v === null || v === undefined) return null;
  const dictionary = d as Dictionary;
  // (What the search indexes by must be there: a copy that passes the key but not this is not used.)
  if (dictionary.costs.length < 2 || dictionary.costs[1] !== dictionary.backward || dictionary.base.length !== dictionary.check.length || dictionary.charClass.length < 0x10000) return null;
  return dictionary;
}

/** Keeps `d` at `target` for the next load; quietly does nothing where it cannot be written. */
function writeDictionaryCache(target: { path: string; key: string }, d: Dictionary): void {
  const sections = new Map<string, Section>([
    ['base', d.base], ['check', d.check], ['known.bytes', d.known.bytes], ['known.features', d.known.features],
    ['surfaces.start', d.surfaces.start], ['surfaces.ids', d.surfaces.ids], ['unknown.bytes', d.unknown.bytes],
    ['unknown.features', d.unknown.features], ['classes.start', d.classes.start], ['classes.ids', d.classes.ids],
    ['charClass', d.charClass], ['invoke', d.invoke], ['group', d.group], ['nameOf', d.nameOf], ['costs', d.costs],
  ]);
  writeCache(target.path, target.key, sections, { defaultClass: d.defaultClass, backward: d.backward });
}

/**
 * A gzip file's data in one buffer of its size, which the gzip trailer gives (ISIZE, little-endian): zlib's default
 * 16 KB chunks, joined by a copy, held the data twice (tid_pos.dat is 42 MB). One byte more than the size, or zlib
 * allocates a second buffer to learn that the stream has ended; a wrong trailer only costs the chunks again.
 */
function gunzip(path: string): Uint8Array {
  const gz = readFileSync(path);
  return gunzipSync(gz, { chunkSize: chunkSizeFor(gz) });
}

function chunkSizeFor(gz: Buffer): number {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  return Math.max(size + 1, zlibConstants.Z_MIN_CHUNK);
}

/** The first `length` bytes: a view, or a copy when that is under half of the buffer (see loadDictionary). */
function trim(bytes: Uint8Array, length: number): Uint8Array {
  return length * 2 < bytes.buffer.byteLength ? copy(bytes.subarray(0, length)) : bytes.subarray(0, length);
}

/** The first `length` 32-bit words: a view when the bytes are aligned (a large gunzip's are), else an aligned copy. */
function int32s(bytes: Uint8Array, length = bytes.byteLength >> 2): Int32Array {
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, length);
  return new Int32Array(copy(bytes.subarray(0, length * 4)).buffer);
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** kuromoji's ByteBuffer.getInt: little-endian, 0 past the end. */
function int32At(bytes: Uint8Array, i: number): number {
  return i + 4 > bytes.length ? 0 : bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
}

/**
 * TokenInfoDictionary.loadTargetMap: (key, count, ids…) records after a key count, read to the end of the buffer.
 * Read as 32-bit words (the buffer is padded to a power of two), in two passes: sizes, then ids.
 */
function readTargetMap(bytes: Uint8Array): TargetMap & { maxId: number } {
  const words = int32s(bytes);
  const n = words.length;
  let maxKey = -1;
  let total = 0;
  for (let w = 1; w < n;) {
    const key = words[w];
    const count = w + 1 < n ? words[w + 1] : 0;
    w += 2;
    if (count > 0) {
      if (key > maxKey) maxKey = key;
      total += count;
      w += count;
    }
  }
  const start = new Int32Array(maxKey + 2);
  for (let w = 1; w < n;) {
    const count = w + 1 < n ? words[w + 1] : 0;
    if (count > 0) start[words[w] + 1] += count;
    w += 2 + Math.max(count, 0);
  }
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
  const ids = new Int32Array(total);
  const fill = start.slice(0, -1);
  let maxId = -1;
  for (let w = 1; w < n;) {
    const key = words[w];
    const count = w + 1 < n ? words[w + 1] : 0;
    w += 2;
    if (count <= 0) continue;
    // (Past the end of the buffer kuromoji reads 0.)
    for (let i = 0; i < count; i++) {
      const id = w + i < n ? words[w + i] : 0;
      ids[fill[key]++] = id;
      if (id > maxId) maxId = id;
    }
    w += count;
  }
  return { start, ids, maxId };
}

function readEntries(info: Uint8Array, features: Uint8Array, map: TargetMap & { maxId: number }): Entries {
  const used = map.maxId < 0 ? 0 : map.maxId + 10;
  let end = features.length;
  while (end > 0 && features[end - 1] === 0) end--;
  let bytes = trim(info, used);
  if (bytes.byteOffset % 2) bytes = copy(bytes);
  return { shorts: new Int16Array(bytes.buffer, bytes.byteOffset, used >> 1), bytes, features: trim(features, end) };
}

/**
 * InvokeDefinitionMap.load: records of is_always_invoke, is_grouping, max length (unused by the search) and a
 * NUL-terminated name. kuromoji reads the zero padding too, as classes with an empty name; they are kept so that
 * ids and names resolve as in kuromoji, but only as far as a class id can reach: ids are bytes (unk_char.dat), and
 * the 150 000 records of padding past them were a tenth of the load time. The empty names are all one name either way.
 */
function readClasses(bytes: Uint8Array): { invoke: Uint8Array; group: Uint8Array; nameOf: Int32Array; defaultClass: number } {
  const invoke: number[] = [];
  const group: number[] = [];
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let o = 0; o + 1 < bytes.length && names.length < 256;) {
    invoke.push(bytes[o]);
    group.push(bytes[o + 1]);
    let end = o + 6;
    while (end < bytes.length && bytes[end] !== 0) end++;
    names.push(decoder.decode(bytes.subarray(o + 6, end)));
    o = end + 1;
  }
  const lastWithName = new Map(names.map((name, id) => [name, id]));
  const defaultClass = lastWithName.get('DEFAULT');
  if (defaultClass === undefined) throw new Error('kuromoji dictionary: no DEFAULT character class');
  return {
    invoke: Uint8Array.from(invoke),
    group: Uint8Array.from(group),
    nameOf: Int32Array.from(names, (name) => lastWithName.get(name)!),
    defaultClass,
  };
}

const NONE = -1;
const BOS = 0;

/** The child of `node` for `byte` in the double array (doublearray's traverse), or NONE. */
function step(base: Int32Array, check: Int32Array, node: number, byte: number): number {
  const child = base[node] + byte;
  return child >>> 0 < check.length && check[child] === node ? child : NONE;
}

/** Follows the UTF-8 bytes of code point `c` from `node`, as kuromoji's encoder writes them; NONE when the trie has no such path. */
function walkCodePoint(base: Int32Array, check: Int32Array, node: number, c: number): number {
  if (c < 0x80) return step(base, check, node, c);
  let more: number;
  if (c < 0x800) {
    node = step(base, check, node, 0xc0 | (c >>> 6));
    more = 1;
  } else if (c < 0x10000) {
    node = step(base, check, node, 0xe0 | (c >>> 12));
    more = 2;
  } else {
    node = step(base, check, node, 0xf0 | (c >>> 18));
    more = 3;
  }
  while (more-- > 0 && node !== NONE) node = step(base, check, node, 0x80 | ((c >>> (6 * more)) & 0x3f));
  return node;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The word lattice of one piece, in typed arrays kept between calls. Nodes are numbered in the order kuromoji's
 * builder appends them (by start, then trie matches shortest first, then unknown words); node 0 is BOS. Positions
 * are code units from the start of the piece; they order the search exactly as kuromoji's code-point positions do.
 */
class Lattice {
  private capacity = 4096;
  start = new Int32Array(this.capacity);
  end = new Int32Array(this.capacity);
  left = new Int32Array(this.capacity);
  /** right id × backward dimension + 2: the row of the connection costs that follow this word. */
  row = new Int32Array(this.capacity);
  cost = new Int32Array(this.capacity);
  entry = new Int32Array(this.capacity);
  known = new Uint8Array(this.capacity);
  /** The next node ending at the same position, in append order. */
  next = new Int32Array(this.capacity);
  prev = new Int32Array(this.capacity);
  /** Cost of the best path from BOS through the node; Number.MAX_VALUE while unreached, as in kuromoji. */
  total = new Float64Array(this.capacity);
  size = 0;
  firstAt = new Int32Array(MAX_PIECE + 2);
  private lastAt = new Int32Array(MAX_PIECE + 2);
  /** The best path, EOS side first. */
  path = new Int32Array(MAX_PIECE + 2);

  reset(length: number): void {
    this.firstAt.fill(NONE, 0, length + 2);
    this.size = 0;
    this.append(0, 0, 0, 2, 0, NONE, 0);
    this.total[BOS] = 0;
  }

  append(start: number, end: number, left: number, row: number, cost: number, entry: number, known: number): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.start[i] = start;
    this.end[i] = end;
    this.left[i] = left;
    this.row[i] = row;
    this.cost[i] = cost;
    this.entry[i] = entry;
    this.known[i] = known;
    this.next[i] = NONE;
    this.prev[i] = NONE;
    this.total[i] = Number.MAX_VALUE;
    if (this.firstAt[end] === NONE) this.firstAt[end] = i;
    else this.next[this.lastAt[end]] = i;
    this.lastAt[end] = i;
  }

  private grow(): void {
    this.capacity *= 2;
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.left = more(this.left);
    this.row = more(this.row);
    this.cost = more(this.cost);
    this.entry = more(this.entry);
    this.known = more(this.known);
    this.next = more(this.next);
    this.prev = more(this.prev);
    this.total = more(this.total);
  }
}

/** Fills the lattice with kuromoji's candidates for text[from, to) and appends EOS (at position to - from + 1). */
function buildLattice(d: Dictionary, lattice: Lattice, text: string, from: number, to: number): number {
  const { base, check, known, surfaces, unknown, classes, charClass, invoke, group, nameOf, defaultClass, backward } = d;
  const length = to - from;
  lattice.reset(length);
  for (let p = from; p < to;) {
    // SurrogateAwareString: a high surrogate takes the next code unit with it, whatever that is.
    const head = text.charCodeAt(p);
    const next = isHighSurrogate(head) && p + 1 < to ? p + 2 : p + 1;
    const limit = Math.min(p + MAX_KEY, to);

    // Dictionary words: walk the trie over the UTF-8 bytes of the code points from p; a key ends where the node
    // has a child for byte 0, so no key holds U+0000. On U+0000 or a lone high surrogate kuromoji throws; the walk stops.
    let matches = 0;
    let node = 0;
    for (let q = p; q < limit;) {
      let c = text.charCodeAt(q++);
      if (c === 0) break;
      if (isHighSurrogate(c)) {
        const low = q < to ? text.charCodeAt(q) : 0;
        if (low < 0xdc00 || low > 0xdfff) break;
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        q++;
      }
      node = walkCodePoint(base, check, node, c);
      if (node === NONE) break;
      const terminal = step(base, check, node, 0);
      if (terminal !== NONE) {
        matches++;
        const v = -base[terminal] - 1;
        for (let i = surfaces.start[v], e = surfaces.start[v + 1]; i < e; i++) {
          const id = surfaces.ids[i];
          const s = id >> 1;
          lattice.append(p - from, q - from, known.shorts[s], known.shorts[s + 1] * backward + 2, known.shorts[s + 2], id, 1);
        }
      }
    }

    // Unknown words: when nothing matched or the class always invokes; grouped over code points of the same class.
    const cls = isHighSurrogate(head) ? defaultClass : charClass[head];
    if (matches === 0 || invoke[cls] === 1) {
      let end = next;
      if (group[cls] === 1) {
        const name = nameOf[cls];
        while (end < limit) {
          const c = text.charCodeAt(end);
          const high = isHighSurrogate(c);
          if (nameOf[high ? defaultClass : charClass[c]] !== name) break;
          end += high && end + 1 < to ? 2 : 1;
        }
      }
      for (let i = classes.start[cls], e = classes.start[cls + 1]; i < e; i++) {
        const id = classes.ids[i];
        const s = id >> 1;
        lattice.append(p - from, end - from, unknown.shorts[s], unknown.shorts[s + 1] * backward + 2, unknown.shorts[s + 2], id, 0);
      }
    }
    p = next;
  }
  lattice.append(length, length + 1, 0, 2, 0, NONE, 0);
  return lattice.size - 1;
}

/**
 * kuromoji's ViterbiSearcher: positions in order, nodes ending at each in append order, predecessors in append
 * order, and a predecessor replaces the best only when strictly cheaper. Its `shortest_prev_node` is declared
 * once per search, so a node whose predecessors are all unreached inherits the last one found; kept, for the
 * same output. Returns the number of nodes on the path (in `lattice.path`), 0 when it does not reach BOS.
 */
function searchLattice(costs: Int16Array, lattice: Lattice, eos: number): number {
  const { start, left, row, cost, next, prev, total, firstAt, path } = lattice;
  const last = lattice.end[eos];
  let best = NONE;
  for (let position = 1; position <= last; position++) {
    for (let x = firstAt[position]; x !== NONE; x = next[x]) {
      let y = firstAt[start[x]];
      if (y === NONE) continue;
      const l = left[x];
      const w = cost[x];
      let min = Number.MAX_VALUE;
      for (; y !== NONE; y = next[y]) {
        const c = total[y] + costs[row[y] + l] + w;
        if (c < min) {
          best = y;
          min = c;
        }
      }
      prev[x] = best;
      total[x] = min;
    }
  }
  let count = 0;
  for (let x = prev[eos]; x !== BOS; x = prev[x]) {
    if (x === NONE) return 0;
    path[count++] = x;
  }
  return count;
}

function createTokenizer(d: Dictionary): KuromojiTokenizer {
  return new KuromojiTokenizer(d);
}

/**
 * The analyser over one dictionary. Besides tokens as objects it gives them as numbers (`encode`: a pair per token,
 * its length and its entry) for another thread to hand over, and tokens back from such numbers (`decode`), the same
 * objects `tokenize` makes.
 */
export class KuromojiTokenizer implements JaTokenizer {
  private readonly lattice = new Lattice();
  private readonly decoder = new TextDecoder();
  private readonly caches = [new Map<number, Features>(), new Map<number, Features>()];

  constructor(readonly dictionary: Dictionary) {}

  tokenize(text: string, offset = 0): JaToken[] {
    const out: JaToken[] = [];
    const { lattice } = this;
    let at = 0;
    for (let from = 0; from < text.length;) {
      const to = pieceEnd(text, from);
      const count = searchLattice(this.dictionary.costs, lattice, buildLattice(this.dictionary, lattice, text, from, to));
      for (let i = count - 1; i >= 0; i--) {
        const x = lattice.path[i];
        const length = lattice.end[x] - lattice.start[x];
        out.push(this.token(text, at, length, lattice.known[x], lattice.entry[x], offset));
        at += length;
      }
      from = to;
    }
    if (at !== text.length) throw new Error(`kuromoji: tokens cover ${at} of ${text.length} code units`);
    return out;
  }

  /**
   * The tokens of `text` as pairs (length in code units, entry × 2 + 1 for a dictionary word or + 0 for an unknown
   * one) written into `out` from `at`; returns the number of pairs, or -1 when they would not fit.
   */
  encode(text: string, out: Int32Array, at: number): number {
    const { lattice } = this;
    let pairs = 0;
    let covered = 0;
    for (let from = 0; from < text.length;) {
      const to = pieceEnd(text, from);
      const count = searchLattice(this.dictionary.costs, lattice, buildLattice(this.dictionary, lattice, text, from, to));
      if (at + 2 * (pairs + count) > out.length) return -1;
      for (let i = count - 1; i >= 0; i--) {
        const x = lattice.path[i];
        const length = lattice.end[x] - lattice.start[x];
        out[at + 2 * pairs] = length;
        out[at + 2 * pairs + 1] = lattice.entry[x] * 2 + lattice.known[x];
        pairs++;
        covered += length;
      }
      from = to;
    }
    if (covered !== text.length) throw new Error(`kuromoji: tokens cover ${covered} of ${text.length} code units`);
    return pairs;
  }

  /** The tokens of `text` (moved by `offset`, as `tokenize`) from `pairs` pairs that `encode` wrote from `at`. */
  decode(text: string, offset: number, data: Int32Array, at: number, pairs: number): JaToken[] {
    // (Pushed, as `tokenize` does: an array made by `new Array(n)` is holey, and code reading both kinds slows down.)
    const out: JaToken[] = [];
    let pos = 0;
    for (let i = 0; i < pairs; i++) {
      const length = data[at + 2 * i];
      const entry = data[at + 2 * i + 1];
      out.push(this.token(text, pos, length, entry & 1, entry >> 1, offset));
      pos += length;
    }
    if (pos !== text.length) throw new Error(`kuromoji: decoded tokens cover ${pos} of ${text.length} code units`);
    return out;
  }

  private token(text: string, pos: number, length: number, known: number, entry: number, offset: number): JaToken {
    const surface = text.slice(pos, pos + length);
    const f = this.features(known, entry);
    const base = f.base === '*' ? surface : f.base;
    return { surface, start: offset + pos, end: offset + pos + length, pos: f.pos, pos1: f.pos1, pos2: f.pos2, pos3: f.pos3, base, conj: f.conj, known: known === 1 };
  }

  private features(known: number, id: number): Features {
    const cache = this.caches[known];
    let f = cache.get(id);
    if (!f) {
      const { bytes, features: lines } = known ? this.dictionary.known : this.dictionary.unknown;
      const at = int32At(bytes, id + 6);
      let end = at;
      while (end < lines.length && lines[end] !== 0) end++;
      // IPADIC: surface, pos, pos1, pos2, pos3, conjugation type, conjugation form, base, reading, pronunciation
      const c = this.decoder.decode(lines.subarray(at, end)).split(',');
      f = { pos: c[1] ?? '*', pos1: c[2] ?? '*', pos2: c[3] ?? '*', pos3: c[4] ?? '*', conj: c[6] ?? '*', base: c[7] ?? '*' };
      cache.set(id, f);
    }
    return f;
  }
}

/**
 * What another thread needs of the dictionary to tokenise into numbers (`encode`): the trie, the entries' costs and
 * the connection costs, 22 MB moved into shared memory in place (the tokenizer over `d` reads them from its next
 * call), so that the other thread has them without a copy of its own. The features (36 MB), which only `decode`
 * reads, stay where they are and are not part of what is returned.
 */
export function shareDictionary(d: Dictionary): Dictionary {
  // (By type, not by `a.constructor`: a gunzipped buffer is a Node Buffer, whose constructor is deprecated.)
  function share(a: Int32Array): Int32Array;
  function share(a: Int16Array): Int16Array;
  function share(a: Uint8Array): Uint8Array;
  function share(a: Int32Array | Int16Array | Uint8Array): Int32Array | Int16Array | Uint8Array {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const sab = new SharedArrayBuffer(a.byteLength);
    const b = a instanceof Int32Array ? new Int32Array(sab) : a instanceof Int16Array ? new Int16Array(sab) : new Uint8Array(sab);
    b.set(a);
    return b;
  }
  const entries = (e: Entries): Entries => {
    const bytes = share(e.bytes);
    return { bytes, shorts: bytes === e.bytes ? e.shorts : new Int16Array(bytes.buffer, 0, e.shorts.length), features: e.features };
  };
  Object.assign(d, {
    base: share(d.base),
    check: share(d.check),
    known: entries(d.known),
    surfaces: { start: share(d.surfaces.start), ids: share(d.surfaces.ids) },
    unknown: entries(d.unknown),
    classes: { start: share(d.classes.start), ids: share(d.classes.ids) },
    charClass: share(d.charClass),
    invoke: share(d.invoke),
    group: share(d.group),
    nameOf: share(d.nameOf),
    costs: share(d.costs),
  });
  const none = new Uint8Array(0);
  return { ...d, known: { ...d.known, features: none }, unknown: { ...d.unknown, features: none } };
}

/** End of the piece from `start`: at most MAX_PIECE code units, cut after 、。 or, failing that, at a space, never inside a surrogate pair. */
function pieceEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < MAX_PIECE) {
    const c = text.charCodeAt(end++);
    if (c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff0e) return end;
  }
  let cut = end;
  if (end < text.length) {
    const space = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\u3000', end - 1));
    if (space > start + MAX_PIECE / 2) cut = space + 1;
    if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  }
  return cut;
}
