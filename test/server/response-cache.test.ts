/** The response cache: when it answers from memory, and every way it learns the corpus changed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseCache } from '../../src/server/response-cache.ts';

function setup(options: { probeEveryMs?: number; maxAgeMs?: number; maxEntries?: number; keepError?: (e: unknown) => boolean } = {}) {
  let clock = 0;
  let stamp = 's1';
  let probes = 0;
  const cache = new ResponseCache({
    probe: async () => { probes++; return stamp; },
    now: () => clock,
    ...options,
  });
  let computed = 0;
  const compute = (v: unknown = { n: 1 }) => async () => { computed++; return v; };
  return {
    cache,
    compute,
    tick: (ms: number) => { clock += ms; },
    setStamp: (s: string) => { stamp = s; },
    get computed() { return computed; },
    get probes() { return probes; },
  };
}

test('a repeated key is answered from memory as the same JSON', async () => {
  const s = setup();
  assert.equal(await s.cache.json('a', s.compute({ x: 'あ' })), '{"x":"あ"}');
  assert.equal(await s.cache.json('a', s.compute({ x: 'other' })), '{"x":"あ"}');
  assert.equal(s.computed, 1);
  assert.equal(s.cache.hits, 1);
  assert.equal(s.cache.misses, 1);
});

test('concurrent misses of one key share one computation', async () => {
  const s = setup();
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  let runs = 0;
  const slow = async () => { runs++; await gate; return [1]; };
  const all = Promise.all([s.cache.json('k', slow), s.cache.json('k', slow), s.cache.json('k', slow)]);
  await new Promise((r) => setImmediate(r));
  release();
  assert.deepEqual(await all, ['[1]', '[1]', '[1]']);
  assert.equal(runs, 1);
});

test('clear() forgets everything (a write through this server)', async () => {
  const s = setup();
  await s.cache.json('a', s.compute());
  s.cache.clear();
  await s.cache.json('a', s.compute());
  assert.equal(s.computed, 2);
});

test('a changed stamp (another process wrote) empties the cache at the next probe', async () => {
  const s = setup({ probeEveryMs: 1000 });
  await s.cache.json('a', s.compute());
  s.setStamp('s2');
  s.tick(500);
  await s.cache.json('a', s.compute());
  assert.equal(s.computed, 1, 'not probed again within a second');
  s.tick(600);
  await s.cache.json('a', s.compute());
  assert.equal(s.computed, 2, 'probed, changed, recomputed');
  assert.equal(s.probes, 2);
});

test('an unchanged stamp keeps answers until they are maxAgeMs old', async () => {
  const s = setup({ probeEveryMs: 0, maxAgeMs: 5000 });
  await s.cache.json('a', s.compute());
  s.tick(4999);
  await s.cache.json('a', s.compute());
  assert.equal(s.computed, 1);
  s.tick(2);
  await s.cache.json('a', s.compute());
  assert.equal(s.computed, 2);
});

test('failures are not kept, unless they depend only on the corpus', async () => {
  const s = setup({ keepError: (e) => (e as Error).message === 'ambiguous' });
  const fail = (message: string) => async () => { throw new Error(message); };
  await assert.rejects(s.cache.json('x', fail('database is locked')), /locked/);
  assert.equal(await s.cache.json('x', s.compute('ok')), '"ok"');
  await assert.rejects(s.cache.json('y', fail('ambiguous')), /ambiguous/);
  await assert.rejects(s.cache.json('y', s.compute('never')), /ambiguous/);
});

test('the least recently used entry goes first when it is full', async () => {
  const s = setup({ maxEntries: 2 });
  await s.cache.json('a', s.compute('a'));
  await s.cache.json('b', s.compute('b'));
  await s.cache.json('a', s.compute('a2'));
  await s.cache.json('c', s.compute('c'));
  assert.equal(await s.cache.json('a', s.compute('a3')), '"a"', 'a was used recently');
  assert.equal(await s.cache.json('b', s.compute('b2')), '"b2"', 'b was dropped');
});
