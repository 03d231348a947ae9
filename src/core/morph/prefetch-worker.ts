/**
 * The worker of prefetch.ts: tokenises the pieces in order, each one it gets to before the caller does, into the
 * slot of the piece (its index modulo SLOTS), and stays at most SLOTS pieces ahead of the caller's cursor.
 */
import { workerData } from 'node:worker_threads';
import { KuromojiTokenizer } from './kuromoji.ts';
import { PREFETCH_LAYOUT as L, type PrefetchWorkerData } from './prefetch.ts';

const { dictionary, text, pieces, control, state, slots, counts } = workerData as PrefetchWorkerData;
const tokenizer = new KuromojiTokenizer(dictionary);
const n = pieces.length >> 1;

for (let k = 0; k < n && Atomics.load(control, L.STOP) === 0;) {
  const cursor = Atomics.load(control, L.CURSOR);
  if (k < cursor) k = cursor;
  if (k >= n) break;
  if (k >= cursor + L.SLOTS) {
    // Far enough ahead: wait for the caller to move on (or to stop us).
    Atomics.wait(control, L.CURSOR, cursor, 1000);
    continue;
  }
  const start = pieces[2 * k]!;
  const end = pieces[2 * k + 1]!;
  // A piece too long for a slot is left to the caller, as is one the caller has taken.
  if (2 * (end - start) > L.SLOT_INTS || Atomics.compareExchange(state, k, L.FREE, L.WORKING) !== L.FREE) {
    k++;
    continue;
  }
  const slot = k % L.SLOTS;
  let pairs = -1;
  try {
    pairs = tokenizer.encode(text.slice(start, end), slots, slot * L.SLOT_INTS);
  } finally {
    // Tokens that did not fit (a piece has no more tokens than code units: it cannot happen) or an error: the
    // caller tokenises the piece, and after an error every piece from here.
    if (pairs >= 0) counts[slot] = pairs;
    Atomics.store(state, k, pairs >= 0 ? L.DONE : L.TAKEN);
    Atomics.notify(state, k);
  }
  k++;
}
