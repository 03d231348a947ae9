/**
 * Rewrites the golden fixtures' expected.json from the current analysis (test/golden/_golden.ts lists the
 * cases). The tests never do this; run it only when a change to the analysis is intended, then review
 * `git diff test/fixtures` line by line before committing.
 *
 * Run: node --import tsx scripts/regenerate-fixtures.ts [case …]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CASES, ROOT, goldenOf, readExpected, serialize } from '../test/golden/_golden.ts';

const only = process.argv.slice(2);
const unknown = only.filter((name) => !CASES.some((c) => c.name === name));
if (unknown.length) {
  console.error(`regenerate-fixtures: no such case: ${unknown.join(', ')} (cases: ${CASES.map((c) => c.name).join(', ')})`);
  process.exit(2);
}

let changed = 0;
for (const c of CASES) {
  if (only.length && !only.includes(c.name)) continue;
  const golden = await goldenOf(c);
  const before = await readExpected(c);
  const text = serialize(golden);
  if (before && serialize(before) === text) {
    console.log(`unchanged  ${c.expected}`);
    continue;
  }
  await mkdir(dirname(join(ROOT, c.expected)), { recursive: true });
  await writeFile(join(ROOT, c.expected), text);
  changed++;
  console.log(`${before ? 'rewrote   ' : 'created   '} ${c.expected}`);
}
if (changed) console.log(`\n${changed} file(s) written: review them with  git diff test/fixtures  before committing.`);
