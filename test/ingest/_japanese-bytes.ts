/**
 * Shift_JIS and EUC-JP encoders for tests. Node has decoders only, so each encoder is the inverse of the
 * WHATWG decoder's table, built by decoding every two-byte sequence once. The hand-written byte arrays in
 * decode.test.ts check these tables independently for a few words.
 */

type Table = Map<string, number[]>;
const tables = new Map<string, Table>();

function buildTable(encoding: 'shift_jis' | 'euc-jp'): Table {
  const table: Table = new Map();
  const add = (bytes: number[]) => {
    let ch: string;
    try {
      ch = new TextDecoder(encoding, { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    // CP932 maps some characters twice (NEC and IBM rows); the first, lower code is the one editors write.
    if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
  };
  for (let b = 0; b < 0x80; b++) add([b]);
  if (encoding === 'shift_jis') {
    for (let b = 0xa1; b <= 0xdf; b++) add([b]);
    for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
      for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) add([lead, trail]);
    }
  } else {
    for (let b = 0xa1; b <= 0xdf; b++) add([0x8e, b]);
    for (const lead of range(0xa1, 0xfe)) for (const trail of range(0xa1, 0xfe)) add([lead, trail]);
  }
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Encodes `text`; throws on a character the encoding lacks, so a test cannot pass on a silent '?'. */
export function encodeJapanese(text: string, encoding: 'shift_jis' | 'euc-jp'): Uint8Array {
  let table = tables.get(encoding);
  if (!table) tables.set(encoding, (table = buildTable(encoding)));
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${encoding} cannot encode ${JSON.stringify(ch)}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
