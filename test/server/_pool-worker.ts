/**
 * A pool worker for the tests: the real job, except for files whose names ask for a worker that blocks
 * until the test lets it go (`block…`), spins for ever (`spin…`), eats its heap (`hog…`), or reports how many
 * jobs this worker has done (`count…`), or whose analysis is many times its text (`bloat…`, as an extractor with
 * quadratic output would make).
 */
import { analyze } from '../../src/core/analyze.ts';
import { analyseUpload, serveJobs } from '../../src/server/analysis-worker.ts';

serveJobs(async (job, state, data) => {
  const { gate } = (data ?? {}) as { gate?: SharedArrayBuffer };
  if (job.name.startsWith('block') && gate) {
    // Synchronous, like a long analysis: this thread does nothing else until the test stores 1.
    Atomics.wait(new Int32Array(gate), 0, 0);
  }
  if (job.name.startsWith('spin')) for (;;);
  if (job.name.startsWith('hog')) {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(100_000).fill(keep.length));
  }
  if (job.name.startsWith('count')) {
    // The analyzer made by the first real job is still the same one: a worker's state outlives its jobs.
    const text = `jobs before this one: ${state.jobs}${state.analyzer ? ', analyzer kept' : ''}`;
    return { source: { text, format: 'text' }, analysis: null as never };
  }
  if (job.name.startsWith('bloat')) {
    const real = state.analyzer;
    state.analyzer = Promise.resolve((source, options) => {
      const a = analyze(source, options);
      return { ...a, messages: Array.from({ length: 50 }, () => ({ ...a.messages[0], reason: source.text.repeat(2) }) as never) };
    });
    try {
      return await analyseUpload(job, state, data);
    } finally {
      state.analyzer = real;
    }
  }
  return analyseUpload(job, state, data);
});
