import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as docx from '../../src/ingest/docx.ts';
import { docxToSource } from '../../src/ingest/docx.ts';
import type { SourceText } from '../../src/core/text/source-text.ts';
import { BRIEF_EN, COMMENTARY_JA, FIXTURE_DIR, makeEncryptedDocx, notesOf, renderPlainText } from '../../scripts/make-doc-fixtures.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const quote = (s: SourceText, span: { start: number; end: number }) => s.text.slice(span.start, span.end);

function assertHints(source: SourceText): void {
  const { text, hints } = source;
  for (const h of [...(hints?.blocks ?? []), ...(hints?.footnotes ?? [])]) {
    assert.ok(Number.isInteger(h.start) && 0 <= h.start && h.start <= h.end && h.end <= text.length, `bad span ${JSON.stringify(h)}`);
  }
  for (const f of hints?.footnotes ?? []) {
    if (f.note) assert.ok(0 <= f.note.start && f.note.start <= f.note.end && f.note.end <= text.length);
  }
}

test('the module exposes docxToSource and its limits', () => {
  assert.equal(typeof docx.docxToSource, 'function');
  assert.equal(docx.DEFAULT_DOCX_LIMITS.maxUncompressed, 100 * 1024 * 1024);
});

for (const [file, model] of [
  ['commentary-ja.docx', COMMENTARY_JA],
  ['brief-en-2col.docx', BRIEF_EN],
] as const) {
  test(`${file}: body, headings, list items and notes as a reader sees them`, async () => {
    const source = await docxToSource(fixture(file), file);
    assert.equal(source.format, 'docx');
    assertHints(source);
    assert.equal(source.text, renderPlainText(model));
    const blocks = source.hints!.blocks!;
    assert.deepEqual(
      blocks.filter((b) => b.kind === 'heading').map((b) => [quote(source, b), b.level]),
      [...model.blocks.filter((b) => b.kind === 'heading').map((b) => [b.source, b.level]), [model.language === 'ja' ? '注' : 'Notes', 1]],
    );
    assert.deepEqual(blocks.filter((b) => b.kind === 'title').map((b) => quote(source, b)), [model.blocks.find((b) => b.kind === 'title')!.source]);
    assert.equal(blocks.filter((b) => b.kind === 'list-item').length, model.blocks.filter((b) => b.kind === 'list-item').length);
  });

  test(`${file}: every footnote reference is its number in the text, linked to its note`, async () => {
    const source = await docxToSource(fixture(file), file);
    const notes = notesOf(model);
    const markers = source.hints!.footnotes!;
    assert.deepEqual(markers.map((m) => m.n), notes.map((n) => n.n));
    for (const m of markers) {
      assert.equal(quote(source, m), String(m.n));
      assert.equal(quote(source, m.note!), notes[m.n - 1]!.text);
    }
    assert.equal(source.hints!.pages, undefined, 'a Word file has no pages of its own');
  });
}

test('commentary-ja.docx has at least 30 footnotes', async () => {
  const source = await docxToSource(fixture('commentary-ja.docx'), 'commentary-ja.docx');
  assert.ok(source.hints!.footnotes!.length >= 30);
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-made Word files, one feature at a time.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  endnotes?: string;
  settings?: string;
  prefix?: string;
}

/** A minimal but complete .docx around `body` (the inside of w:body). */
function makeDocx(parts: Parts): Uint8Array {
  const p = parts.prefix ?? 'w';
  const ns = p ? `xmlns:${p}="${W}"` : `xmlns="${W}"`;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('r1', 'officeDocument', 'word/document.xml')}</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('r1', 'styles', 'styles.xml')}${rel('r2', 'numbering', 'numbering.xml')}${rel('r3', 'footnotes', 'footnotes.xml')}${rel('r4', 'endnotes', 'endnotes.xml')}${rel('r5', 'settings', 'settings.xml')}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p ? `${p}:` : ''}document ${ns}><${p ? `${p}:` : ''}body>${parts.body}</${p ? `${p}:` : ''}body></${p ? `${p}:` : ''}document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.footnotes) files['word/footnotes.xml'] = strToU8(`<w:footnotes xmlns:w="${W}">${parts.footnotes}</w:footnotes>`);
  if (parts.endnotes) files['word/endnotes.xml'] = strToU8(`<w:endnotes xmlns:w="${W}">${parts.endnotes}</w:endnotes>`);
  if (parts.settings) files['word/settings.xml'] = strToU8(`<w:settings xmlns:w="${W}">${parts.settings}</w:settings>`);
  return zipSync(files);
}

const para = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const style = (id: string, name: string, pPr = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}</w:style>`;
const note = (kind: 'footnote' | 'endnote', id: number, text: string) =>
  `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r>${run(` ${text}`)}</w:p></w:${kind}>`;
const separators = (kind: 'footnote' | 'endnote') =>
  `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;

test('docx features', async (t) => {
  const cases: { name: string; parts: Parts; text: string; check?: (s: SourceText) => void }[] = [
    {
      name: 'Japanese heading styles (見出し 1, styleId "1") and an outline level give headings with levels',
      parts: {
        styles: style('1', '見出し 1') + style('2', 'heading 2') + style('Outlined', 'My Section', '<w:outlineLvl w:val="2"/>') + style('Body', 'Body Text', '<w:outlineLvl w:val="9"/>'),
        body: para(run('はじめに'), '<w:pStyle w:val="1"/>') + para(run('背景'), '<w:pStyle w:val="2"/>') + para(run('細目'), '<w:pStyle w:val="Outlined"/>') + para(run('本文。'), '<w:pStyle w:val="Body"/>') + para(run('直接'), '<w:outlineLvl w:val="0"/>'),
      },
      text: 'はじめに\n背景\n細目\n本文。\n直接\n',
      check: (s) => assert.deepEqual(s.hints!.blocks!.map((b) => [b.kind, b.level]), [['heading', 1], ['heading', 2], ['heading', 3], ['paragraph', undefined], ['heading', 1]]),
    },
    {
      name: 'a style based on a heading style is a heading',
      parts: { styles: style('Heading1', 'heading 1') + `<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Chapter"/><w:basedOn w:val="Heading1"/></w:style>`, body: para(run('Chapter one'), '<w:pStyle w:val="Mine"/>') },
      text: 'Chapter one\n',
      check: (s) => assert.deepEqual(s.hints!.blocks!.map((b) => [b.kind, b.level]), [['heading', 1]]),
    },
    {
      name: 'numbered and bulleted lists show their labels and are list items',
      parts: {
        numbering:
          '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:suff w:val="space"/></w:lvl></w:abstractNum>' +
          '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>' +
          '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
        body:
          para(run('first'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') +
          para(run('sub'), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>') +
          para(run('sub two'), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>') +
          para(run('second'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') +
          para(run('point'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'),
      },
      text: '1. first\n(a) sub\n(b) sub two\n2. second\n• point\n',
      check: (s) => assert.ok(s.hints!.blocks!.every((b) => b.kind === 'list-item')),
    },
    {
      name: 'footnotes and endnotes: numbers where they stand, notes at the end, endnotes in roman by default',
      parts: {
        footnotes: separators('footnote') + note('footnote', 5, 'First source.') + note('footnote', 2, 'Second source.'),
        endnotes: separators('endnote') + note('endnote', 1, 'An end note.'),
        body: para(run('He said so.') + '<w:r><w:footnoteReference w:id="5"/></w:r>' + run(' She agreed') + '<w:r><w:footnoteReference w:id="2"/></w:r>' + run(' and left.') + '<w:r><w:endnoteReference w:id="1"/></w:r>'),
      },
      text: 'He said so.1 She agreed2 and left.i\nNotes\n1 First source.\n2 Second source.\ni An end note.\n',
      check: (s) => {
        assert.deepEqual(s.hints!.footnotes!.map((f) => [f.n, quote(s, f), quote(s, f.note!)]), [[1, '1', 'First source.'], [2, '2', 'Second source.'], [1, 'i', 'An end note.']]);
      },
    },
    {
      name: 'note numbering from the settings (start and format)',
      parts: {
        settings: '<w:footnotePr><w:numFmt w:val="decimalFullWidth"/><w:numStart w:val="3"/></w:footnotePr>',
        footnotes: note('footnote', 1, '出典。'),
        body: para(run('と指摘する') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + run('。')),
      },
      text: 'と指摘する３。\n注\n３ 出典。\n',
      check: (s) => assert.equal(s.hints!.footnotes![0]!.n, 3),
    },
    {
      name: 'a custom footnote mark is shown as typed',
      parts: {
        footnotes: note('footnote', 1, 'Starred.'),
        body: para(run('Claim') + '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>' + run(' end.')),
      },
      text: 'Claim* end.\nNotes\n* Starred.\n',
    },
    {
      name: 'breaks join like wrapped lines; tabs are spaces; deleted, hidden and field-code text is left out',
      parts: {
        body:
          para(run('日本語の') + '<w:r><w:br/></w:r>' + run('文章')) +
          para(run('two') + '<w:r><w:br/></w:r>' + run('words')) +
          para(run('a') + '<w:r><w:tab/></w:r>' + run('b') + '<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>' + run('hidden', '<w:vanish/>') + '<w:r><w:instrText> PAGE </w:instrText></w:r>' + '<w:ins><w:r><w:t>+ins</w:t></w:r></w:ins>'),
      },
      text: '日本語の文章\ntwo words\na b+ins\n',
    },
    {
      name: 'ruby shows its base, not its reading; entities and character references are decoded once',
      parts: {
        body:
          para('<w:r><w:ruby><w:rt><w:r><w:t>ほっきょく</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>北極</w:t></w:r></w:rubyBase></w:ruby></w:r>' + run('海')) +
          para(run('A &amp; B &lt;C&gt; &#x3042;&#12354; &amp;#38;')),
      },
      text: '北極海\nA & B <C> ああ &#38;\n',
    },
    {
      name: 'tables, content controls and hyperlinks keep their text in order; empty paragraphs vanish',
      parts: {
        body:
          '<w:tbl><w:tr><w:tc>' + para(run('cell one')) + '</w:tc><w:tc>' + para(run('cell two')) + '</w:tc></w:tr></w:tbl>' +
          para('') +
          '<w:sdt><w:sdtContent>' + para(run('in a control')) + '</w:sdtContent></w:sdt>' +
          para(`<w:hyperlink><w:r><w:t>a link</w:t></w:r></w:hyperlink>`) +
          para(run('\u3000　全角で字下げ')),
      },
      text: 'cell one\ncell two\nin a control\na link\n全角で字下げ\n',
    },
    {
      name: 'line-breaking characters in the XML and breaks inside a note keep one paragraph or note per line',
      parts: {
        footnotes: `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${run(' Part one')}<w:r><w:br/></w:r>${run('part two.')}</w:p><w:p>${run('Second paragraph.')}</w:p></w:footnote>`,
        body: para(run('A line\nwith a newline') + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
      },
      text: 'A line with a newline1\nNotes\n1 Part one part two. Second paragraph.\n',
    },
    {
      name: 'another namespace prefix for WordprocessingML',
      parts: { prefix: 'ns0', body: '<ns0:p><ns0:r><ns0:t>prefixed</ns0:t></ns0:r></ns0:p>' },
      text: 'prefixed\n',
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async () => {
      const source = await docxToSource(makeDocx(c.parts), 'case.docx');
      assertHints(source);
      assert.equal(source.text, c.text);
      c.check?.(source);
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Bad files.

/** A zip whose central directory understates the size of word/document.xml: the header lies. */
function lyingBomb(): Uint8Array {
  const huge = new Uint8Array(8 * 1024 * 1024).fill(0x20);
  huge.set(strToU8(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`));
  const zip = zipSync({ 'word/document.xml': huge }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 1000, true); // central directory: uncompressed size
      break;
    }
  }
  return zip;
}

function manyEntries(n: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++) files[`word/media/f${i}.txt`] = new Uint8Array(0);
  return zipSync(files, { level: 0 });
}

function legacyDoc(): Uint8Array {
  // The same compound-file container, holding a WordDocument stream instead of an EncryptedPackage.
  const bytes = makeEncryptedDocx();
  const from = new TextEncoder().encode('EncryptedPackage').reduce<number[]>((a, c) => [...a, c, 0], []);
  const to = 'WordDocument\0\0\0\0'.split('').reduce<number[]>((a, c) => [...a, c.charCodeAt(0), 0], []);
  for (let i = 0; i < bytes.length - from.length; i++) {
    if (from.every((b, k) => bytes[i + k] === b)) bytes.set(to, i);
  }
  return bytes;
}

test('bad Word files give their IngestError quickly', async (t) => {
  const ja = fixture('commentary-ja.docx');
  const files = unzipSync(ja);
  const without = (path: string) => zipSync(Object.fromEntries(Object.entries(files).filter(([k]) => k !== path)));
  const replaced = (path: string, xml: string) => zipSync({ ...files, [path]: strToU8(xml) });
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['encrypted.docx', fixture('encrypted.docx'), 'E_ENCRYPTED', /^encrypted\.docx: the Word file is password-protected/],
    ['truncated.docx', fixture('truncated.docx'), 'E_CORRUPT', /^truncated\.docx: the \.docx is truncated or corrupt/],
    ['random.docx', fixture('random.docx'), 'E_CORRUPT', /^random\.docx: not a \.docx file/],
    ['zip-bomb.docx', fixture('zip-bomb.docx'), 'E_TOO_LARGE', /zip bomb/],
    ['entity.docx', fixture('entity.docx'), 'E_CORRUPT', /word\/document\.xml declares a DTD or entities/],
    ['lying-sizes.docx', lyingBomb(), 'E_TOO_LARGE', /inflates to more than its header says/],
    ['many-entries.docx', manyEntries(6000), 'E_TOO_LARGE', /holds 6000 files/],
    ['legacy.doc.docx', legacyDoc(), 'E_UNSUPPORTED', /old binary Office document/],
    ['no-document.docx', without('word/document.xml'), 'E_CORRUPT', /not a Word document/],
    ['bad-xml.docx', replaced('word/document.xml', `<w:document xmlns:w="${W}"><w:body><w:p></w:body>`), 'E_CORRUPT', /not well-formed XML/],
    ['dtd-in-styles.docx', replaced('word/styles.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles/>'), 'E_CORRUPT', /word\/styles\.xml declares a DTD/],
    ['empty.docx', new Uint8Array(0), 'E_EMPTY', /the file is empty/],
  ];
  for (const [name, bytes, code, message] of cases) {
    await t.test(name, async () => {
      const started = Date.now();
      const before = process.memoryUsage().rss;
      await assert.rejects(docxToSource(bytes, name), (e: Error & { code?: string }) => {
        assert.equal(e.name, 'IngestError');
        assert.equal(e.code, code);
        assert.match(e.message, message);
        return true;
      });
      assert.ok(Date.now() - started < 5_000, 'quickly');
      assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'without inflating the bomb');
    });
  }
});

test('the caps can be lowered', async () => {
  await assert.rejects(docxToSource(fixture('commentary-ja.docx'), 'c.docx', { maxUncompressed: 10_000 }), { code: 'E_TOO_LARGE' });
  await assert.rejects(docxToSource(fixture('commentary-ja.docx'), 'c.docx', { maxBytes: 100 }), { code: 'E_TOO_LARGE' });
});
