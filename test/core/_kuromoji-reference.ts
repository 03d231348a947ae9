/**
 * The Japanese analyser as it was before the hand-written lattice and search replaced it (src/core/morph/kuromoji.ts
 * at a1a0357): kuromoji's own trie lookup, ViterbiLattice, ViterbiNode and ViterbiSearcher, over a lattice from the
 * bounded builder. Kept only so that test/core/morph.test.ts can check that the rewrite gives the same tokens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { JaToken, JaTokenizer } from '../../src/core/morph/tokens.ts';

interface Features {
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  conj: string;
  base: string;
}

interface ViterbiNode {
  name: number;
  type: 'KNOWN' | 'UNKNOWN' | 'BOS' | 'EOS' | 'USER';
  surface_form: string;
}

interface KuromojiDictionaries {
  token_info_dictionary: { getFeatures(id: number | string): string | null };
  unknown_dictionary: { getFeatures(id: number | string): string | null };
  connection_costs: unknown;
  loadTrie(base: Int32Array, check: Int32Array): void;
  loadTokenInfoDictionaries(info: Uint8Array, pos: Uint8Array, map: Uint8Array): void;
  loadConnectionCosts(cc: Int16Array): void;
  loadUnknownDictionaries(unk: Uint8Array, pos: Uint8Array, map: Uint8Array, cat: Uint8Array, compat: Uint32Array, invoke: Uint8Array): void;
}

/** Longest piece handed to one Viterbi search: the lattice grows with it, so a line with no 、。 is cut. */
const MAX_PIECE = 512;

export function loadReferenceTokenizer(): JaTokenizer {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('kuromoji/package.json'));
  const DynamicDictionaries = require('kuromoji/src/dict/DynamicDictionaries') as new () => KuromojiDictionaries;
  const ViterbiSearcher = require('kuromoji/src/viterbi/ViterbiSearcher') as new (cc: unknown) => { search(lattice: unknown): ViterbiNode[] };
  const read = (file: string): ArrayBuffer => {
    const bytes = gunzipSync(readFileSync(join(root, 'dict', file)));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  const dic = new DynamicDictionaries();
  dic.loadTrie(new Int32Array(read('base.dat.gz')), new Int32Array(read('check.dat.gz')));
  dic.loadTokenInfoDictionaries(new Uint8Array(read('tid.dat.gz')), new Uint8Array(read('tid_pos.dat.gz')), new Uint8Array(read('tid_map.dat.gz')));
  dic.loadConnectionCosts(new Int16Array(read('cc.dat.gz')));
  dic.loadUnknownDictionaries(
    new Uint8Array(read('unk.dat.gz')), new Uint8Array(read('unk_pos.dat.gz')), new Uint8Array(read('unk_map.dat.gz')),
    new Uint8Array(read('unk_char.dat.gz')), new Uint32Array(read('unk_compat.dat.gz')), new Uint8Array(read('unk_invoke.dat.gz')),
  );
  const buildLattice = boundedLatticeBuilder(require, dic);
  const searcher = new ViterbiSearcher(dic.connection_costs);
  const known = new Map<number, Features>();
  const unknown = new Map<number, Features>();
  const features = (node: ViterbiNode): Features => {
    const isKnown = node.type === 'KNOWN';
    const cache = isKnown ? known : unknown;
    let f = cache.get(node.name);
    if (!f) {
      const line = (isKnown ? dic.token_info_dictionary : dic.unknown_dictionary).getFeatures(node.name) ?? '';
      // IPADIC: surface, left, right, cost, pos, pos1, pos2, pos3, conjugation type, conjugation form, base, reading, pronunciation
      const c = line.split(',');
      f = { pos: c[1] ?? '*', pos1: c[2] ?? '*', pos2: c[3] ?? '*', pos3: c[4] ?? '*', conj: c[6] ?? '*', base: c[7] ?? '*' };
      cache.set(node.name, f);
    }
    return f;
  };

  const tokenizer: JaTokenizer = {
    tokenize(text: string): JaToken[] {
      const out: JaToken[] = [];
      let at = 0;
      for (const piece of pieces(text)) {
        const path = searcher.search(buildLattice(piece));
        for (const node of path) {
          const surface = node.surface_form;
          const f = features(node);
          const base = f.base === '*' ? surface : f.base;
          out.push({ surface, start: at, end: at + surface.length, pos: f.pos, pos1: f.pos1, pos2: f.pos2, pos3: f.pos3, base, conj: f.conj, known: node.type === 'KNOWN' });
          at += surface.length;
        }
      }
      if (at !== text.length) throw new Error(`kuromoji: tokens cover ${at} of ${text.length} code units`);
      return out;
    },
  };
  return tokenizer;
}

/** No IPADIC entry is longer than this (in code units): a lookup key never needs more of the text. */
const MAX_KEY = 48;

/**
 * kuromoji's ViterbiBuilder.build, with the dictionary key bounded: the original looks up, at every position,
 * the whole rest of the piece (converted to UTF-8 and scanned for surrogates each time), which makes a piece
 * cost the square of its length. Same lattice otherwise; an unknown-word run is grouped up to MAX_KEY.
 */
function boundedLatticeBuilder(require: NodeRequire, dic: KuromojiDictionaries & Record<string, any>): (text: string) => unknown {
  const ViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice') as new () => { append(n: unknown): void; appendEos(): void };
  const ViterbiNode = require('kuromoji/src/viterbi/ViterbiNode') as new (...a: unknown[]) => unknown;
  const SurrogateAwareString = require('kuromoji/src/util/SurrogateAwareString') as new (s: string) => { length: number; index_mapping: number[]; charAt(i: number): string; toString(): string };
  const trie = dic.trie as { commonPrefixSearch(key: string): { k: string; v: number }[] };
  const known = dic.token_info_dictionary as unknown as { target_map: Record<number, number[]>; dictionary: { getShort(i: number): number } };
  const unk = dic.unknown_dictionary as unknown as { target_map: Record<number, number[]>; dictionary: { getShort(i: number): number }; lookup(ch: string): { is_always_invoke: number; is_grouping: number; class_name: string; class_id: number } };
  return (sentenceStr: string) => {
    const lattice = new ViterbiLattice();
    const sentence = new SurrogateAwareString(sentenceStr);
    for (let pos = 0; pos < sentence.length; pos++) {
      const at = sentence.index_mapping[pos]!;
      // Never end the key between the halves of a surrogate pair: kuromoji's UTF-8 encoder returns null for it and the search throws.
      const wide = at + MAX_KEY < sentenceStr.length && isHighSurrogate(sentenceStr.charCodeAt(at + MAX_KEY - 1));
      const tail = sentenceStr.slice(at, at + MAX_KEY + (wide ? 1 : 0));
      const vocabulary = trie.commonPrefixSearch(tail);
      for (const { k: key, v: trieId } of vocabulary) {
        for (const id of known.target_map[trieId]!) {
          const tokenInfoId = Number(id);
          lattice.append(new ViterbiNode(tokenInfoId, known.dictionary.getShort(tokenInfoId + 4), pos + 1, key.length, 'KNOWN',
            known.dictionary.getShort(tokenInfoId), known.dictionary.getShort(tokenInfoId + 2), key));
        }
      }
      const sTail = new SurrogateAwareString(tail);
      const head = sTail.charAt(0);
      const headClass = unk.lookup(head);
      if (vocabulary.length === 0 || headClass.is_always_invoke === 1) {
        let key = head;
        let length = 1;
        if (headClass.is_grouping === 1) {
          for (let k = 1; k < sTail.length; k++) {
            const next = sTail.charAt(k);
            if (unk.lookup(next).class_name !== headClass.class_name) break;
            key += next;
            length++;
          }
        }
        for (const id of unk.target_map[headClass.class_id]!) {
          const unkId = Number(id);
          lattice.append(new ViterbiNode(unkId, unk.dictionary.getShort(unkId + 4), pos + 1, length, 'UNKNOWN',
            unk.dictionary.getShort(unkId), unk.dictionary.getShort(unkId + 2), key));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };
}

/** Pieces of at most MAX_PIECE code units, cut after 、。 or, failing that, at a space, never inside a surrogate pair. */
function* pieces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    let cut = -1;
    while (end < text.length && end - start < MAX_PIECE) {
      const c = text.charCodeAt(end++);
      if (c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff0e) { cut = end; break; }
    }
    if (cut < 0) {
      cut = end;
      if (end < text.length) {
        const space = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\u3000', end - 1));
        if (space > start + MAX_PIECE / 2) cut = space + 1;
        const c = text.charCodeAt(cut - 1);
        if (c >= 0xd800 && c <= 0xdbff) cut--;
      }
    }
    yield text.slice(start, cut);
    start = cut;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
