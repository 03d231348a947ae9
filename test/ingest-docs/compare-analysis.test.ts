/**
 * The same commentary as plain text, as Word and as the PDF made from the Word file: the analysis finds the same
 * footnotes, sections, people and claims in each (acceptance point 2 of "Read the PDFs and Word files").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { pdfToSource } from '../../src/ingest/pdf.ts';
import { docxToSource } from '../../src/ingest/docx.ts';
import { COMMENTARY_JA, FIXTURE_DIR, notesOf, renderPlainText } from '../../scripts/make-doc-fixtures.ts';

const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));

async function analyses(): Promise<Record<'text' | 'docx' | 'pdf', Analysis>> {
  const plain = readFileSync(join(FIXTURE_DIR, 'commentary-ja.txt'), 'utf8');
  return {
    text: analyze(plain),
    docx: analyze(await docxToSource(bytes('commentary-ja.docx'), 'commentary-ja.docx')),
    pdf: analyze(await pdfToSource(bytes('commentary-ja.pdf'), 'commentary-ja.pdf')),
  };
}

const ready = analyses();

test('the committed plain-text version is the text of the model', () => {
  assert.equal(readFileSync(join(FIXTURE_DIR, 'commentary-ja.txt'), 'utf8'), renderPlainText(COMMENTARY_JA));
});

test('footnote markers: the same numbers at the same places in all three', async () => {
  const a = await ready;
  const markers = (x: Analysis) => x.footnotes.map((f) => [f.n, f.start, f.end]);
  const expected = notesOf(COMMENTARY_JA).map((n) => n.n);
  assert.deepEqual(a.text.footnotes.map((f) => f.n), expected);
  assert.deepEqual(markers(a.docx), markers(a.text));
  assert.deepEqual(markers(a.pdf), markers(a.text));
});

test('section headings: the document versions have exactly the headings of the source; the plain text has them too', async () => {
  const a = await ready;
  const headings = (x: Analysis) => x.sections.filter((s) => !s.trailer).map((s) => [s.heading, s.level]);
  const expected = COMMENTARY_JA.blocks.filter((b) => b.kind === 'heading').map((b) => [b.source, b.level]);
  assert.deepEqual(headings(a.docx), expected);
  assert.deepEqual(headings(a.pdf), expected);
  // Without layout hints the plain text may find a heading or two more (a byline), never fewer.
  const plain = a.text.sections.map((s) => s.heading);
  for (const [heading] of expected) assert.ok(plain.includes(heading as string), `plain text finds ${heading}`);
});

test('people and attributed claims: the same in all three', async () => {
  const a = await ready;
  const people = (x: Analysis) => x.people.map((p) => [p.name, p.type, p.role]).sort();
  const claims = (x: Analysis) => {
    const names = new Map(x.people.map((p) => [p.id, p.name]));
    return x.attributions.map((c) => [c.speakers.map((id) => names.get(id)).sort().join('+'), c.content.text, c.cue?.text ?? null, c.footnotes]);
  };
  assert.ok(a.text.people.length >= 5, 'the commentary names its experts');
  assert.ok(a.text.attributions.length >= 15, 'and attributes claims to them');
  assert.deepEqual(people(a.docx), people(a.text));
  assert.deepEqual(people(a.pdf), people(a.text));
  assert.deepEqual(claims(a.docx), claims(a.text));
  assert.deepEqual(claims(a.pdf), claims(a.text));
});

test('the offset contract holds on the document versions', async () => {
  const a = await ready;
  const text = renderPlainText(COMMENTARY_JA);
  for (const x of [a.docx, a.pdf]) {
    assert.equal(x.source.length, text.length);
    for (const c of x.attributions) assert.equal(text.slice(c.content.start, c.content.end), c.content.text);
    for (const p of x.people) for (const m of p.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  }
});
