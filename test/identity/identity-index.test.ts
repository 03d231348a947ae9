import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIdentityIndex, matchIdentity, type IdentityRecord } from '../../src/core/identity/match.ts';

test('createIdentityIndex: add, replace, remove, size', () => {
  const index = createIdentityIndex([{ id: 'ivanov-i', names: ['Igor Ivanov', 'イーゴリ・イワノフ'] }]);
  assert.equal(index.size, 1);
  assert.deepEqual(index.find('イワノフ').map((r) => r.id), ['ivanov-i']);

  index.add({ id: 'ivanov-s', names: ['Sergei Ivanov'] });
  assert.equal(index.size, 2);
  assert.deepEqual(index.find('Иванов').map((r) => r.id).sort(), ['ivanov-i', 'ivanov-s']);
  assert.deepEqual(index.find('S. Ivanov').map((r) => [r.id, r.decision]), [['ivanov-s', 'same']]);

  // Replacing a record drops the buckets of its old names.
  index.add({ id: 'ivanov-s', names: ['Sergei Ryabkov'] });
  assert.equal(index.size, 2);
  assert.deepEqual(index.find('Ivanov').map((r) => r.id), ['ivanov-i']);
  assert.deepEqual(index.find('Рябков').map((r) => r.id), ['ivanov-s']);

  assert.equal(index.remove('ivanov-i'), true);
  assert.equal(index.remove('ivanov-i'), false);
  assert.equal(index.size, 1);
  assert.deepEqual(index.find('Ivanov'), []);
});

test('createIdentityIndex: match uses organisation and all candidate names', () => {
  const index = createIdentityIndex([
    { id: 'a', names: ['Alexander Sokolov'], organization: 'MGIMO University' },
    { id: 'b', names: ['Andrei Sokolov'], organization: 'Valdai Discussion Club' },
  ]);
  const res = index.match({ names: ['ソコロフ'], organization: 'Valdai Discussion Club' });
  assert.equal(res[0]!.id, 'b');
  assert.equal(res[0]!.decision, 'maybe');
  const both = index.match({ names: ['ソコロフ', 'Andrei Sokolov'] });
  assert.deepEqual(both.map((r) => [r.id, r.decision]), [['b', 'same']]);
});

test('createIdentityIndex: bad records and queries are programmer errors', () => {
  const index = createIdentityIndex();
  assert.throws(() => index.add({ id: 1 } as unknown as IdentityRecord), /IdentityIndex.add: record.id must be a non-empty string/);
  assert.throws(() => index.add({ id: 'x', names: 'Ivanov' } as unknown as IdentityRecord), /record x: names must be an array of strings/);
  assert.throws(() => index.find(5 as unknown as string), /IdentityIndex.find: query must be a string/);
  assert.throws(() => index.match({} as unknown as { names: string[] }), /IdentityIndex.match: candidate.names must be an array/);
});

// Synthetic Russian-like names, built from syllables in Latin and katakana at once.
const SYLLABLES: [string, string][] = [
  ['ka', 'カ'], ['ko', 'コ'], ['ra', 'ラ'], ['ro', 'ロ'], ['mi', 'ミ'], ['na', 'ナ'], ['no', 'ノ'], ['sa', 'サ'],
  ['so', 'ソ'], ['ta', 'タ'], ['to', 'ト'], ['ba', 'バ'], ['bo', 'ボ'], ['ga', 'ガ'], ['go', 'ゴ'], ['da', 'ダ'],
  ['do', 'ド'], ['ma', 'マ'], ['mo', 'モ'], ['pa', 'パ'], ['po', 'ポ'], ['ki', 'キ'], ['ni', 'ニ'], ['ri', 'リ'],
  ['zu', 'ズ'], ['be', 'ベ'], ['le', 'レ'], ['se', 'セ'], ['te', 'テ'], ['ve', 'ヴェ'],
];
const ENDINGS: [string, string][] = [['nov', 'ノフ'], ['rov', 'ロフ'], ['kin', 'キン'], ['sky', 'スキー'], ['nko', 'ンコ'], ['shin', 'シン'], ['tsev', 'ツェフ']];
const FORENAMES: [string, string][] = [
  ['Sergei', 'セルゲイ'], ['Andrei', 'アンドレイ'], ['Dmitry', 'ドミトリー'], ['Ivan', 'イワン'], ['Oleg', 'オレグ'],
  ['Pavel', 'パーヴェル'], ['Mikhail', 'ミハイル'], ['Nikolai', 'ニコライ'], ['Yury', 'ユーリー'], ['Boris', 'ボリス'],
  ['Anna', 'アンナ'], ['Elena', 'エレーナ'], ['Irina', 'イリーナ'], ['Viktor', 'ヴィクトル'], ['Igor', 'イーゴリ'],
  ['Roman', 'ロマン'],
];

function syntheticRecords(n: number): IdentityRecord[] {
  let seed = 12345;
  const pick = <T>(xs: readonly T[]): T => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return xs[(seed >>> 8) % xs.length]!;
  };
  const records: IdentityRecord[] = [];
  const seen = new Set<string>();
  while (records.length < n) {
    const parts = [pick(SYLLABLES), pick(SYLLABLES), ...(pick([0, 1]) ? [pick(SYLLABLES)] : []), pick(ENDINGS)];
    const [latinGiven, kanaGiven] = pick(FORENAMES);
    const latin = parts.map((p) => p[0]).join('');
    const kana = parts.map((p) => p[1]).join('');
    if (seen.has(latinGiven + latin)) continue;
    seen.add(latinGiven + latin);
    records.push({
      id: `r${records.length}`,
      names: [`${latinGiven} ${latin[0]!.toUpperCase()}${latin.slice(1)}`, `${kanaGiven}・${kana}`],
    });
  }
  return records;
}

test('createIdentityIndex: one lookup among 10,000 records takes well under 50 ms', (t) => {
  const records = syntheticRecords(10_000);
  let start = performance.now();
  const index = createIdentityIndex(records);
  t.diagnostic(`index of ${records.length} records built in ${Math.round(performance.now() - start)} ms`);

  const queries = Array.from({ length: 220 }, (_, i) => {
    const r = records[(i * 7919) % records.length]!;
    // Alternate katakana forms and Latin forms with the forename cut to an initial.
    return { id: r.id, query: i % 2 ? r.names[1]! : r.names[0]!.replace(/^(\w)\w+/, '$1.') };
  });
  for (const q of queries.slice(0, 20)) index.find(q.query); // warm up
  const times: number[] = [];
  let found = 0;
  for (const q of queries.slice(20)) {
    start = performance.now();
    const res = index.find(q.query);
    times.push(performance.now() - start);
    if (res[0]?.id === q.id) found++;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  t.diagnostic(`lookup: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms; right record first ${found}/${times.length}`);
  assert.ok(median < 10, `median ${median} ms`);
  assert.ok(p95 < 50, `p95 ${p95} ms`);
  assert.ok(found / times.length >= 0.95, `${found}/${times.length}`);

  // The index returns what a full scan returns.
  for (const q of queries.slice(0, 2)) assert.deepEqual(index.find(q.query), matchIdentity({ names: [q.query] }, records));
});
