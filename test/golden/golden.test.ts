/**
 * Golden fixtures: whole documents the project wrote (test/fixtures/<case>/input.*, plus examples/
 * sample-commentary.txt), read and analysed as the CLI does, compared with test/fixtures/<case>/expected.json.
 *
 * These tests never write expected.json. When a change to the analysis is intended, regenerate them with
 *
 *     node --import tsx scripts/regenerate-fixtures.ts
 *
 * and REVIEW THE DIFF (git diff test/fixtures) before committing: every changed offset, kind, person or claim
 * must be one the change meant to make. A fixture regenerated without reading its diff tests nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, ROOT, goldenOf, readExpected, type Golden } from './_golden.ts';

const REGENERATE = 'node --import tsx scripts/regenerate-fixtures.ts (then review git diff test/fixtures)';

for (const c of CASES) {
  test(`golden: ${c.name} — ${c.what}`, async () => {
    const expected = await readExpected(c);
    assert.ok(expected, `${c.expected} is missing; create it with ${REGENERATE}`);
    const actual = await goldenOf(c);
    // Compare part by part, so that a failure names the part that changed before the whole diff.
    for (const key of Object.keys(expected.analysis) as (keyof Golden['analysis'])[]) {
      assert.deepEqual(actual.analysis[key], expected.analysis[key], `${c.name}: analysis.${key} differs from ${c.expected}; if the change is intended: ${REGENERATE}`);
    }
    assert.deepEqual(actual, expected, `${c.name} differs from ${c.expected}; if the change is intended: ${REGENERATE}`);
  });
}

// The fixtures are what their names say: a guard against an editor or git rewriting line ends or digits.
test('golden inputs: the CRLF fixture has CRLF line ends only, and full-width digits', () => {
  const text = readFileSync(join(ROOT, 'test/fixtures/ja-crlf-fullwidth/input.txt'), 'utf8');
  assert.ok(text.includes('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.match(text, /[０-９]/);
});

test('golden expectations: the things each case is there for hold in its expected.json', async () => {
  const byName = new Map<string, Golden>();
  for (const c of CASES) byName.set(c.name, (await readExpected(c))!);
  const ja = byName.get('ja-commentary')!.analysis;
  const md = byName.get('ja-markdown')!.analysis;
  const en = byName.get('en-commentary')!.analysis;
  const crlf = byName.get('ja-crlf-fullwidth')!.analysis;
  const html = byName.get('en-html')!.analysis;

  assert.deepEqual(ja.document.series, 'インド太平洋コメンタリー');
  assert.deepEqual(ja.footnotes.map((f) => f.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.ok(ja.footnotes.every((f) => f.note !== null), 'every marker is linked to its note');
  // The Markdown version finds the same document, outline, markers, dates and glossary as the plain text.
  assert.deepEqual(md.document, ja.document);
  assert.deepEqual(md.sections.map((s) => [s.level, s.heading, s.trailer]), ja.sections.filter((s) => s.heading !== 'プロフィール').map((s) => [s.level, s.heading, s.trailer]));
  assert.deepEqual(md.footnotes.map((f) => [f.n, f.note?.text]), ja.footnotes.map((f) => [f.n, f.note?.text]));
  assert.deepEqual(md.dates.map((d) => [d.value, d.text]), ja.dates.map((d) => [d.value, d.text]));
  assert.deepEqual(md.glossary.map((g) => [g.term, g.gloss]), ja.glossary.map((g) => [g.term, g.gloss]));

  assert.equal(en.document.language, 'en');
  assert.deepEqual(en.document.authors, [{ name: 'Thomas Whitfield', organization: 'Centre for Naval Studies', title: 'Senior Research Fellow' }]);
  assert.deepEqual(en.footnotes.map((f) => f.n), [1, 2, 3, 4, 5, 6]);

  assert.deepEqual(crlf.footnotes.map((f) => f.text), ['１', '２', '３', '４', '５']);
  assert.equal(crlf.document.date, '2025-02-03');

  assert.deepEqual(html.sections.map((s) => [s.level, s.heading]), [[1, 'Why cables matter'], [1, 'Grey-zone pressure'], [1, 'Notes']]);
  assert.ok(!JSON.stringify(html).includes('analytics'), 'script content is not text');
});
