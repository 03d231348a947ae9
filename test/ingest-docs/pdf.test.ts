import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdf from '../../src/ingest/pdf.ts';
import { layoutPdf, pdfToSource, type PdfPage, type PdfTextItem } from '../../src/ingest/pdf.ts';
import type { SourceText } from '../../src/core/text/source-text.ts';
import { analyze } from '../../src/core/analyze.ts';
import { BRIEF_EN, COMMENTARY_JA, FIXTURE_DIR, makeBenchPdf, notesOf, renderPlainText, romanLabel, type DocModel } from '../../scripts/make-doc-fixtures.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const read = (() => {
  const cache = new Map<string, Promise<SourceText>>();
  return (name: string) => {
    if (!cache.has(name)) cache.set(name, pdfToSource(fixture(name), name));
    return cache.get(name)!;
  };
})();
const notePages = (name: string) => JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Record<string, number>;

/** Every hint is a valid span; page hints tile the text. */
function assertHints(source: SourceText): void {
  const { text, hints } = source;
  for (const h of [...(hints?.blocks ?? []), ...(hints?.footnotes ?? []), ...(hints?.pages ?? [])]) {
    assert.ok(Number.isInteger(h.start) && Number.isInteger(h.end) && 0 <= h.start && h.start <= h.end && h.end <= text.length, `bad span ${JSON.stringify(h)}`);
  }
  for (const f of hints?.footnotes ?? []) {
    assert.ok([String(f.n), romanLabel(f.n)].includes(text.slice(f.start, f.end)), `marker ${f.n} quotes its number`);
    if (f.note) assert.ok(f.note.start >= 0 && f.note.end <= text.length && f.note.start < f.note.end);
  }
  const pages = hints?.pages ?? [];
  if (pages.length > 0) {
    assert.equal(pages[0]!.start, 0);
    for (let i = 1; i < pages.length; i++) assert.equal(pages[i]!.start, pages[i - 1]!.end, 'page hints are contiguous');
    assert.equal(pages[pages.length - 1]!.end, text.length);
  }
}

function pageAt(source: SourceText, offset: number): number {
  const hint = source.hints!.pages!.find((p) => p.start <= offset && offset < p.end);
  assert.ok(hint, `offset ${offset} has a page`);
  return hint.page;
}

test('the module exposes pdfToSource, extractPdfPages and layoutPdf', () => {
  assert.equal(typeof pdf.pdfToSource, 'function');
  assert.equal(typeof pdf.extractPdfPages, 'function');
  assert.equal(typeof pdf.layoutPdf, 'function');
  assert.ok(pdf.DEFAULT_PDF_LIMITS.maxPages > 0 && pdf.DEFAULT_PDF_LIMITS.timeoutMs > 0);
});

for (const [file, model, pagesFile] of [
  ['commentary-ja.pdf', COMMENTARY_JA, 'commentary-ja.pages.json'],
  ['brief-en-2col.pdf', BRIEF_EN, 'brief-en-2col.pages.json'],
] as const) {
  test(`${file}: the text is the document as a reader sees it`, async () => {
    const source = await read(file);
    assert.equal(source.format, 'pdf');
    assert.equal(source.name, file);
    assertHints(source);
    // One paragraph per line, headings on their own lines, markers as digits, the notes at the end: the same
    // text as the plain-text rendering of the document the PDF was made from.
    assert.equal(source.text, renderPlainText(model));
  });

  test(`${file}: no running header, footer or page number inside the body`, async () => {
    const source = await read(file);
    const lines = source.text.split('\n');
    // The header text stands once at most: in the document's own first line, never repeated per page.
    const header = model.header;
    const headerLines = lines.filter((l) => l.includes(header));
    assert.ok(headerLines.length <= 1, `header repeated: ${headerLines.join(' | ')}`);
    assert.ok(!lines.some((l) => /^(Page\s+)?\d{1,3}$/.test(l.trim())), 'no line is a bare page number');
    assert.ok(!/Page \d/.test(source.text), 'no "Page N" footer');
  });

  test(`${file}: every footnote marker is found, numbered, linked to its note, and on the right page`, async () => {
    const source = await read(file);
    const notes = notesOf(model);
    const markers = source.hints!.footnotes!;
    assert.deepEqual(markers.map((m) => m.n), notes.map((n) => n.n), 'each marker once, in order');
    const expectedPages = notePages(pagesFile);
    for (const marker of markers) {
      const note = notes[marker.n - 1]!;
      assert.ok(marker.note, `marker ${marker.n} is linked`);
      assert.equal(source.text.slice(marker.note.start, marker.note.end), note.text, `note ${marker.n}`);
      assert.equal(pageAt(source, marker.start), expectedPages[marker.n], `page of marker ${marker.n}`);
      // The note keeps the page it was printed on, the page of its marker.
      assert.equal(pageAt(source, marker.note.start), expectedPages[marker.n], `page of note ${marker.n}`);
    }
  });

  test(`${file}: headings, levels, title and list items come from the type`, async () => {
    const source = await read(file);
    const blocks = source.hints!.blocks!;
    const quote = (b: { start: number; end: number }) => source.text.slice(b.start, b.end);
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => [quote(b), b.level]);
    const expected = model.blocks.filter((b) => b.kind === 'heading').map((b) => [b.source, b.level]);
    assert.deepEqual(headings, [...expected, [model.language === 'ja' ? '注' : 'Notes', 1]]);
    const title = model.blocks.find((b) => b.kind === 'title')!.source;
    assert.deepEqual(blocks.filter((b) => b.kind === 'title').map(quote), [title]);
    assert.equal(blocks.filter((b) => b.kind === 'list-item').length, model.blocks.filter((b) => b.kind === 'list-item').length);
  });
}

test('commentary-ja-endnotes.pdf: end notes set after the text without a heading, numbered i, ii, iii, are linked', async () => {
  const source = await read('commentary-ja-endnotes.pdf');
  assertHints(source);
  assert.equal(source.text, renderPlainText(COMMENTARY_JA, romanLabel));
  const notes = notesOf(COMMENTARY_JA);
  const markers = source.hints!.footnotes!;
  assert.deepEqual(markers.map((m) => m.n), notes.map((n) => n.n));
  const lastPage = Math.max(...source.hints!.pages!.map((p) => p.page));
  for (const m of markers) {
    assert.equal(source.text.slice(m.start, m.end), romanLabel(m.n));
    assert.equal(source.text.slice(m.note!.start, m.note!.end), notes[m.n - 1]!.text);
    assert.ok(pageAt(source, m.start) < lastPage, 'the marker stands in the text');
    assert.equal(pageAt(source, m.note!.start), lastPage, 'the note on the last page');
  }
});

test('commentary-ja.pdf: spans three pages at least, with 30 footnotes at least', async () => {
  const source = await read('commentary-ja.pdf');
  assert.ok(Math.max(...source.hints!.pages!.map((p) => p.page)) >= 3);
  assert.ok(source.hints!.footnotes!.length >= 30);
});

test('brief-en-2col.pdf: two columns read left column first, and hyphenated line ends mended', async () => {
  const source = await read('brief-en-2col.pdf');
  const order = ['Introduction', 'A Region No Longer Exceptional', 'Shipping, Cables and the Grey Zone', 'Conclusion'];
  const at = order.map((h) => source.text.indexOf(`\n${h}\n`));
  assert.ok(at.every((x) => x > 0), 'each heading on its own line');
  assert.deepEqual([...at].sort((a, b) => a - b), at, 'headings in reading order');
  for (const word of ['exceptionalism', 'importance', 'telecommunications', 'continuous surveillance', 'significance']) {
    assert.ok(source.text.includes(word), `${word} mended`);
  }
  assert.ok(!/[a-z]- [a-z]/.test(source.text), 'no hyphen left where a word was broken');
  // "in 2023" followed by marker 2: the glyphs tell the year from the marker, which digits alone could not.
  const marker = source.hints!.footnotes!.find((f) => f.n === 2)!;
  assert.equal(source.text.slice(marker.start - 7, marker.end), 'in 20232');
});

test('bad PDFs give their IngestError quickly', async (t) => {
  const cases: [string, Uint8Array, string, RegExp | string][] = [
    ['scanned.pdf', fixture('scanned.pdf'), 'E_NO_TEXT', 'scanned.pdf: no text layer (scanned?)'],
    ['encrypted.pdf', fixture('encrypted.pdf'), 'E_ENCRYPTED', /^encrypted\.pdf: the PDF is encrypted/],
    ['truncated.pdf', fixture('truncated.pdf'), 'E_CORRUPT', /^truncated\.pdf: .*truncated/],
    ['random.pdf', fixture('random.pdf'), 'E_CORRUPT', /^random\.pdf: not a PDF file/],
    ['header-only.pdf', new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(5000)), 'E_CORRUPT', /^header-only\.pdf: /],
    ['empty.pdf', new Uint8Array(0), 'E_EMPTY', 'empty.pdf: the file is empty'],
  ];
  for (const [name, bytes, code, message] of cases) {
    await t.test(name, async () => {
      const started = Date.now();
      await assert.rejects(pdfToSource(bytes, name), (e: Error & { code?: string }) => {
        assert.equal(e.name, 'IngestError');
        assert.equal(e.code, code);
        if (typeof message === 'string') assert.equal(e.message, message);
        else assert.match(e.message, message);
        return true;
      });
      assert.ok(Date.now() - started < 15_000, 'quickly');
    });
  }
});

test('time, pages, memory and size are bounded', async (t) => {
  const bytes = fixture('commentary-ja.pdf');
  const cases: [string, Partial<pdf.PdfLimits>, RegExp][] = [
    ['a deadline', { timeoutMs: 5 }, /took longer than/],
    ['a page cap', { maxPages: 2 }, /has 3 pages, more than the 2 accepted/],
    ['a heap cap for the pdf.js worker', { maxMemoryMb: 4 }, /needs more than 4 MB of memory/],
    ['a byte cap', { maxBytes: 1000 }, /more than the 1 KB accepted/],
    ['a text cap', { maxChars: 100 }, /characters, more than the 100 accepted/],
  ];
  for (const [what, limits, message] of cases) {
    await t.test(what, async () => {
      await assert.rejects(pdfToSource(bytes, 'c.pdf', limits), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'E_TOO_LARGE');
        assert.match(e.message, message);
        return true;
      });
    });
  }
  // The process is fine afterwards: the same file reads normally.
  const source = await pdfToSource(bytes, 'c.pdf');
  assert.ok(source.text.length > 1000);
});

test('the generated benchmark PDF: running text gone, every marker linked', async () => {
  const source = await pdfToSource(makeBenchPdf(6), 'bench.pdf');
  assertHints(source);
  assert.ok(!source.text.includes('Generated Brief for Benchmarking'));
  const markers = source.hints!.footnotes!;
  assert.ok(markers.length > 10);
  assert.deepEqual(markers.map((m) => m.n), markers.map((_, i) => i + 1));
  for (const m of markers) assert.match(source.text.slice(m.note!.start, m.note!.end), /^Analyst interview with .* p\. \d+\.$/);
  assert.equal(source.hints!.blocks!.filter((b) => b.kind === 'heading' && b.level === 1).length, 3);
});

// ---------------------------------------------------------------------------------------------------------------
// layoutPdf on hand-made pages: one rule at a time.

const A4 = { width: 595, height: 842 };

/** A text item; width from a rough advance (an em for Japanese, half an em for Latin). */
function item(str: string, x: number, y: number, size = 10, font = 'Serif-Regular'): PdfTextItem {
  const width = [...str].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.5), 0);
  return { str, x, y, width, size, font };
}

function page(items: PdfTextItem[]): PdfPage {
  return { ...A4, items };
}

/** Lines of body text filling the column from x = 60 to about 535. */
function bodyLines(start: number, texts: string[], x = 60, size = 10, pitch = 14): PdfTextItem[] {
  return texts.map((t, i) => item(t, x, start + i * pitch, size));
}

const JA_LINE = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウ';

test('layout rules', async (t) => {
  const cases: { name: string; pages: PdfPage[]; check: (s: SourceText) => void }[] = [
    {
      name: 'Japanese lines of one paragraph join without a space',
      pages: [page(bodyLines(100, [JA_LINE.slice(0, 47), JA_LINE.slice(0, 47), 'おわり。']))],
      check: (s) => assert.equal(s.text, `${JA_LINE.slice(0, 47)}${JA_LINE.slice(0, 47)}おわり。\n`),
    },
    {
      name: 'English lines join with one space, a broken word is mended',
      pages: [page(bodyLines(100, ['The alliance has changed the strategic geography of the north in ways that com-', 'mentators had not expected when the enlargement began in the spring of that year.', 'Short end.']))],
      check: (s) => assert.match(s.text, /in ways that commentators had not expected .* year\. Short end\.\n$/),
    },
    {
      name: 'a compound the document writes with its hyphen keeps it at a line end',
      pages: [page(bodyLines(100, ['A long-term plan was agreed, and everyone agreed that the plan was long-', 'term rather than short, which many observers of the process had doubted.', 'End.']))],
      check: (s) => assert.match(s.text, /plan was long-term rather/),
    },
    {
      name: 'superscript digits are markers; digits of the text size are not',
      pages: [
        page([
          item('ある調査では約6割が懸念を示した', 60, 100),
          item('12', 220, 96, 6),
          item('。次の文は2024年の数字である。', 226, 100),
          item('12 ある調査の報告書による。', 60, 780, 8),
        ]),
      ],
      check: (s) => {
        assert.deepEqual(s.hints!.footnotes!.map((f) => [f.n, s.text.slice(f.start, f.end)]), [[12, '12']]);
        const note = s.hints!.footnotes![0]!.note!;
        assert.equal(s.text.slice(note.start, note.end), 'ある調査の報告書による。');
        assert.ok(s.text.startsWith('ある調査では約6割が懸念を示した12。次の文は2024年の数字である。\n注\n12 '));
      },
    },
    {
      name: 'a header repeated on every page and the page numbers are left out; a number in the body stays',
      pages: [1, 2, 3].map((n) =>
        page([
          item('Arctic Brief No. 7', 400, 40, 8),
          ...bodyLines(100, [`Paragraph on page ${n} that runs across the whole width of the column here`, 'and ends here.']),
          item('2024', 60, 300),
          item(String(n), 290, 810, 9),
        ]),
      ),
      check: (s) => {
        assert.ok(!s.text.includes('Arctic Brief'));
        assert.deepEqual(s.text.split('\n').filter((l) => /^\d+$/.test(l)), ['2024', '2024', '2024']);
        assert.deepEqual([...new Set(s.hints!.pages!.map((p) => p.page))], [1, 2, 3]);
      },
    },
    {
      name: 'a header whose number counts with the page goes; foot notes that repeat (Ibid.) stay',
      pages: [1, 2, 3].map((n) =>
        page([
          item(`${n + 10} | Arctic Brief`, 60, 40, 8),
          item('A claim that the brief attributes to a source and that ends with a marker here', 60, 100),
          item(String(n * 2), 452, 96, 6),
          item('and a second line of the same paragraph that ends the paragraph.', 60, 114),
          item(`${n * 2} Ibid., p. ${n * 7}.`, 60, 780, 8),
        ]),
      ),
      check: (s) => {
        assert.ok(!s.text.includes('Arctic Brief'));
        assert.deepEqual(s.text.split('\n').filter((l) => l.includes('Ibid.')), ['2 Ibid., p. 7.', '4 Ibid., p. 14.', '6 Ibid., p. 21.']);
        assert.deepEqual(s.hints!.footnotes!.map((f) => [f.n, s.text.slice(f.note!.start, f.note!.end)]), [[2, 'Ibid., p. 7.'], [4, 'Ibid., p. 14.'], [6, 'Ibid., p. 21.']]);
      },
    },
    {
      name: 'two columns are read left column first',
      pages: [
        page(
          Array.from({ length: 12 }, (_, i) => [
            item(`left ${String(i).padStart(2, '0')} text of the first column here.`, 60, 100 + i * 20),
            item(`right ${String(i).padStart(2, '0')} text of the second column.`, 320, 100 + i * 20),
          ]).flat(),
        ),
      ],
      check: (s) => {
        // Lines that fill their column run on as one paragraph per column; what matters is the order.
        const at = (label: string) => s.text.indexOf(label);
        const labels = [...Array(12).keys()].flatMap((i) => [`left ${String(i).padStart(2, '0')}`]).concat(
          [...Array(12).keys()].map((i) => `right ${String(i).padStart(2, '0')}`),
        );
        assert.ok(labels.every((l) => at(l) >= 0));
        assert.deepEqual(labels.map(at), [...labels.map(at)].sort((a, b) => a - b));
      },
    },
    {
      name: 'a first-line indent starts a paragraph; a larger bold line is a heading',
      pages: [
        page([
          item('はじめに', 60, 80, 13, 'Sans-Bold'),
          item(JA_LINE.slice(0, 46), 70, 100),
          item(JA_LINE.slice(0, 20) + '。', 60, 114),
          item(JA_LINE.slice(0, 46), 70, 128),
          item('おわり。', 60, 142),
        ]),
      ],
      check: (s) => {
        assert.equal(s.text.split('\n').length, 4);
        assert.deepEqual(s.hints!.blocks!.map((b) => [b.kind, b.level]), [['heading', 1], ['paragraph', undefined], ['paragraph', undefined]]);
      },
    },
    {
      name: 'a paragraph goes on over a page break',
      pages: [
        page(bodyLines(700, ['This sentence starts at the foot of the first page and runs to the right margin', 'of the column before it is continued on the very next page of the document and'])),
        page(bodyLines(100, ['ends there.', 'A new paragraph that stands on its own here.'])),
      ].map((p, i) => (i === 1 ? { ...p, items: [p.items[0]!, { ...p.items[1]!, y: 130 }] } : p)),
      check: (s) => {
        assert.match(s.text, /^This sentence .* document and ends there\.\nA new paragraph/);
        const breakAt = s.text.indexOf('ends there');
        assert.equal(s.hints!.pages!.find((p) => p.start <= breakAt && breakAt < p.end)!.page, 2);
      },
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const source = layoutPdf(c.pages, 'case.pdf');
      assertHints(source);
      c.check(source);
    });
  }
});

test('a document with its own notes heading gets one notes section, not two (issue 14, case 9)', async (t) => {
  const claim = '北海の研究者ヨナス・ベルクは航路の安全が揺らいでいると指摘する';
  const body = (marks: number[]) => [
    item('はじめに', 60, 80, 13, 'Sans-Bold'),
    item(claim, 60, 100),
    ...marks.flatMap((n, i) => [item(String(n), 60 + claim.length * 10 + i * 40, 96, 6), item('。', 66 + claim.length * 10 + i * 40, 100)]),
  ];
  const cases: [string, PdfPage[], string][] = [
    ['end notes under the document\'s 注 on a page of their own', [
      page(body([1, 2])),
      page([item('注', 60, 80, 13, 'Sans-Bold'), item('1 ベルクの論文による。', 60, 100, 9), item('2 同上。', 60, 114, 9)]),
    ], '注'],
    ['foot-of-page notes, and the document\'s 注 with a remark of its own', [
      page([...body([1]), item('1 ベルクの論文による。', 60, 780, 8)]),
      page([item('注', 60, 80, 13, 'Sans-Bold'), item('本稿の見解は筆者個人のものである。', 60, 100)]),
    ], '注'],
    ['a bracketed heading', [
      page(body([1, 2])),
      page([item('【注】', 60, 80, 13, 'Sans-Bold'), item('1 ベルクの論文による。', 60, 100, 9), item('2 同上。', 60, 114, 9)]),
    ], '【注】'],
  ];
  for (const [name, pages, heading] of cases) {
    await t.test(name, () => {
      const source = layoutPdf(pages, 'notes.pdf');
      assertHints(source);
      const lines = source.text.split('\n');
      assert.deepEqual(lines.filter((l) => /^[【]?注[】]?$/.test(l)), [heading], source.text);
      const notesAt = source.text.indexOf(`\n${heading}\n`) + 1;
      assert.ok(source.hints!.blocks!.some((b) => b.kind === 'heading' && b.start === notesAt), 'the heading is a heading block');
      for (const f of source.hints!.footnotes!) {
        assert.ok(f.note && f.note.start > notesAt, `note ${f.n} is linked, under the heading`);
      }
      const analysis = analyze(source);
      assert.equal(analysis.sections.filter((s) => /注/.test(s.heading)).length, 1, analysis.sections.map((s) => s.heading).join(' | '));
    });
  }
});

test('layoutPdf: pages without text give E_NO_TEXT', () => {
  assert.throws(() => layoutPdf([page([]), page([item('   ', 10, 10)])], 'scan.pdf'), {
    name: 'IngestError',
    code: 'E_NO_TEXT',
    message: 'scan.pdf: no text layer (scanned?)',
  });
});

/** A loose check that the fixture texts are what the acceptance asks for. */
test('fixture models: a Japanese commentary with 30+ notes, an English brief', () => {
  const check = (doc: DocModel, minNotes: number) => assert.ok(notesOf(doc).length >= minNotes);
  check(COMMENTARY_JA, 30);
  check(BRIEF_EN, 5);
});
