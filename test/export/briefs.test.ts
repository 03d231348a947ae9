/**
 * The fixes of issue 13 in the brief and the audit CSV, on a corpus built here: the documents' own note
 * numbers, no filler for notes without text, quotes without the footnote markers inside them and in the
 * document's own quotation marks, a header (title, date, analyst, corrections), a file name from the title;
 * the CSV as an audit record (rejected claims, organisation, post, status, analyst, time). Also CSL parsed
 * from the notes, and — when ../shared/eval holds it — the shared commentary's exports against the schemas.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { briefFromDataset, fileNameFromTitle, quoteWithoutMarkers } from '../../src/export/brief-from-dataset.ts';
import { collectDataset } from '../../src/export/collect-dataset.ts';
import { isIbid, parseNoteCitation } from '../../src/export/csl.ts';
import type { ExportDataset } from '../../src/export/dataset.ts';
import { corpusFormatNames, renderExport } from '../../src/export/formats.ts';
import { readQdpx } from '../../src/export/qdpx-read.ts';
import { Corpus } from '../../src/store/corpus.ts';
import type { TestCorpus } from '../server/_corpus.ts';
import { createExportCorpus } from './_corpus.ts';
import { cslValidator, graphmlErrors, REFI_QDA_XSD, schemasMissing, stixValidator, webAnnotationValidator, xsdErrors } from './_validators.ts';

const NOW = '2025-05-01T10:00:00.000Z';
// ignoreBOM: keep the CSV's byte order mark, to see it is there.
const str = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

let tc: TestCorpus;
let black: ExportDataset;
let ports: ExportDataset;

before(async () => {
  tc = await createExportCorpus();
  black = await collectDataset(tc.corpus, { documents: ['black-sea.txt'] }, { now: NOW, analyst: 'tanaka' });
  ports = await collectDataset(tc.corpus, { documents: ['ports.txt'] }, { now: NOW, analyst: 'tanaka' });
});
after(async () => tc?.dispose());

describe('the brief', () => {
  test('notes keep the numbers the document gives them, and each is listed once under its own number', () => {
    const md = str(renderExport('md', black));
    // Popescu's claims rest on notes 2, 3 and 6; Aydın's on 8 and 9: the brief cites them as such.
    for (const n of [2, 3, 6, 8, 9]) {
      assert.match(md, new RegExp(`\\[\\^${n}\\](?!:)`), `reference to note ${n}`);
      assert.match(md, new RegExp(`^\\[\\^${n}\\]: 注 ${n}: `, 'm'), `note ${n} listed`);
    }
    const listed = [...md.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => Number(m[1]));
    assert.deepEqual(listed, [...listed].sort((a, b) => a - b), 'in the document\'s order');
  });

  test('a rejected claim is left out of the brief (and its note with it), but counted as a correction in the header', () => {
    const md = str(renderExport('md', black));
    assert.doesNotMatch(md, /保険料は2022年の水準/);
    assert.doesNotMatch(md, /\[\^5\]/);
    assert.match(md, /^作成日: 2025-05-01 · 分析者: tanaka · 訂正: 4件 \(kato, sato\)$/m);
    assert.equal(md.split('\n')[0], '# 黒海の海上交通と沿岸国 —— 東欧の研究者の見方');
  });

  test('quotes are in the document\'s own quotation marks, and footnote markers inside them are taken out', async () => {
    const md = str(renderExport('md', ports));
    assert.match(md, /「港の再開は保険の問題であり、海軍の護衛だけでは足りないだろう」\[\^2\]/);
    assert.match(md, /「保険会社は戦争条項を見直す」/);
    assert.doesNotMatch(md, /見直す3/, 'the marker 3 inside the quote is gone');
    assert.doesNotMatch(md, /[“”]/, 'no English quotation marks around Japanese');
    const html = str(renderExport('html', ports));
    assert.match(html, /<p class="claim">「港の再開は保険の問題であり、海軍の護衛だけでは足りないだろう」<sup><a href="#fn-2"/);
    assert.match(html, /<p class="meta header">作成日: <time>2025-05-01<\/time> · 分析者: <span class="analyst-name">tanaka<\/span> · 訂正: 0件<\/p>/);
    const en = str(renderExport('md', await collectDataset(tc.corpus, { documents: ['convoys.txt'] }, { now: NOW })));
    assert.match(en, /^- “convoy escorts in the western Black Sea reduced the number of incidents in 2024”\[\^1\]/m);
    assert.match(en, /^Date: 2025-05-01 · Corrections: 0$/m, 'no analyst named: none printed');
  });

  test('a marker without note text stays a plain (注n) where it stands, with no empty note line', async () => {
    const noNotes = '安全保障コメンタリー 第3号 2024年2月1日\n港の話\nはじめに\n2023年以降、港の緊張が続いている1。\n'
      + 'オデーサ海洋研究所研究員のタラス・コヴァルによれば、港の再開は保険の問題である2。コヴァルは、海軍の護衛が不可欠であると指摘する3。\n';
    const dir = mkdtempSync(join(tmpdir(), 'mikata-brief-'));
    const corpus = await Corpus.open({ db: join(dir, 'c.db'), create: true });
    try {
      await corpus.addSources([{ source: { text: noNotes, format: 'text' }, name: 'no-notes.txt' }]);
      const md = str(renderExport('md', await collectDataset(corpus, {}, { now: NOW })));
      assert.match(md, /「港の再開は保険の問題である」\(注2\)/);
      assert.match(md, /「海軍の護衛が不可欠である」\(注3\)/);
      assert.doesNotMatch(md, /本文なし|\[\^/);
    } finally {
      await corpus.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('quoteWithoutMarkers removes only markers wholly inside the span', () => {
    const text = 'Aは「Bだろう」19と言及する20。';
    const doc = { text, markers: [{ n: 19, start: 8, end: 10 }, { n: 20, start: 15, end: 17 }] };
    assert.equal(quoteWithoutMarkers(doc, { start: 2, end: 13, text: text.slice(2, 13) }), '「Bだろう」と言及');
    assert.equal(quoteWithoutMarkers(doc, { start: 2, end: 9, text: text.slice(2, 9) }), '「Bだろう」1', 'a marker cut by the span stays');
  });

  const names: [string, string, string][] = [
    ['黒海の海上交通と沿岸国 —— 東欧の研究者の見方', 'md', '黒海の海上交通と沿岸国_——_東欧の研究者の見方.md'],
    ['A/B: "test" <x>?', 'csv', 'A_B_test_x.csv'],
    ['  ', 'html', 'mikata-export.html'],
    ['...hidden', 'md', 'hidden.md'],
  ];
  for (const [title, ext, name] of names) test(`file name of ${JSON.stringify(title)}`, () => assert.equal(fileNameFromTitle(title, ext), name));

  test('a person\'s brief is titled by their name and cites each source\'s notes under its index', async () => {
    const data = await collectDataset(tc.corpus, { people: ['ポペスク'] }, { now: NOW });
    const brief = briefFromDataset(data);
    assert.equal(brief.title, 'ヴラド・M・ポペスク');
    const md = str(renderExport('md', data));
    assert.match(md, /\[\^1-2\]/);
    assert.match(md, /\[\^2-1\]/);
  });
});

describe('the audit CSV', () => {
  const rows = (data: ExportDataset) => {
    const text = str(renderExport('csv', data));
    assert.ok(text.startsWith('\uFEFF'), 'a byte order mark for spreadsheets');
    // Naive split is enough here: no claim of these documents holds a comma, quote or line break.
    const [head, ...lines] = text.slice(1).trimEnd().split('\r\n');
    const cols = head!.split(',');
    return lines.map((l) => Object.fromEntries(l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell, i) => [cols[i], cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')])));
  };

  test('every claim, rejected ones too, with organisation, post, status, analyst and time', () => {
    const r = rows(black);
    assert.equal(r.length, black.claims.length);
    const rejected = r.find((x) => x.status === 'rejected')!;
    assert.equal(rejected.speakers, 'ダリナ・イリエヴァ');
    assert.equal(rejected.organization, 'ソフィア大学');
    assert.equal(rejected.post, '教授');
    assert.equal(rejected.analyst, 'kato');
    assert.equal(rejected.why, 'the number is the insurers\', not hers');
    assert.match(rejected.time!, /^\d{4}-\d\d-\d\dT/);
    assert.equal(r.find((x) => x.status === 'accepted')!.analyst, 'sato');
    const edited = r.find((x) => x.status === 'edited')!;
    assert.equal(edited.kind, 'quote');
    const added = r.find((x) => x.status === 'added')!;
    assert.deepEqual([added.provenance, added.analyst, added.why, added.speakers], ['analyst', 'sato', 'the survey is his', 'ヴラド・M・ポペスク']);
    const machine = r.find((x) => x.status === 'unreviewed')!;
    assert.equal(machine.analyst, 'machine');
    assert.equal(machine.provenance, 'machine');
    assert.match(r.find((x) => x.footnotes === '2')!.notes!, /^2: Vlad M\. Popescu, "Mines and Grain,"/);
  });
});

describe('CSL from the notes', () => {
  test('author, title, container, volume, issue, pages, date and URL; 同上 cites the note before; the raw note kept', () => {
    const items = JSON.parse(str(renderExport('csl', ports))) as Record<string, any>[];
    assert.equal(items.length, 2, 'note 3 (同上) adds no item');
    const [ja, en] = items;
    assert.equal(ja!.title, '港湾再建論');
    assert.equal(ja!['container-title'], '港湾研究');
    assert.deepEqual([ja!.volume, ja!.issue, ja!.page], ['5', '2', '12-30']);
    assert.deepEqual(ja!.issued, { 'date-parts': [[2023]] });
    assert.equal(ja!.type, 'article-journal');
    assert.equal(ja!.note, '𠮷田健一「港湾再建論」『港湾研究』第5巻第2号、2023年、12-30頁。');
    assert.deepEqual(en!.author, [{ family: 'Koval', given: 'Taras' }]);
    assert.equal(en!.URL, 'https://example.org/koval');
    assert.equal(en!.page, '3-9');
    assert.match(en!.annote, /注2; .*注3$/);
    if (!schemasMissing) assert.deepEqual(cslValidator()(items), []);
  });

  const cases: [string, Record<string, unknown>][] = [
    ['M. Ivanova and P. Sokolov, "Grain Corridors," Danube Quarterly, Vol. 11, No. 2 (March 2024), pp. 40-58.', { author: [{ family: 'Ivanova', given: 'M.' }, { family: 'Sokolov', given: 'P.' }], title: 'Grain Corridors', 'container-title': 'Danube Quarterly', volume: '11', issue: '2', page: '40-58', issued: { 'date-parts': [[2024, 3]] }, type: 'article-journal' }],
    ['佐藤花子『黒海の地政学』海洋書房、2022年。', { author: [{ literal: '佐藤花子' }], title: '黒海の地政学', publisher: '海洋書房', issued: { 'date-parts': [[2022]] }, type: 'book' }],
    ['Ольга Руденко, «Порты и войны», Морской вестник, 2021, № 3.', { author: [{ family: 'Руденко', given: 'Ольга' }], title: 'Порты и войны', 'container-title': 'Морской вестник', issue: '3', issued: { 'date-parts': [[2021]] } }],
    ['"Port Statistics 2024," https://example.org/stats (accessed 5 June 2025).', { title: 'Port Statistics 2024', URL: 'https://example.org/stats', accessed: { 'date-parts': [[2025, 6, 5]] } }],
    ['筆者による聞き取り(2024年10月3日)。', { type: 'document', issued: { 'date-parts': [[2024, 10, 3]] } }],
  ];
  for (const [note, expected] of cases) {
    test(`parseNoteCitation ${note.slice(0, 40)}`, () => {
      const got = parseNoteCitation(note) as Record<string, unknown>;
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(got[k], v, k);
    });
  }

  test('ibid forms', () => {
    for (const s of ['Ibid.', 'ibid., p. 4', '同上。', '同上、12頁。', 'Там же.']) assert.ok(isIbid(s), s);
    for (const s of ['Ibidem Publishers, Catalogue 2020, a long note that cites a whole book.', '同上海協力機構の報告書によれば、各国の港湾は']) assert.ok(!isIbid(s), s);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The shared commentary, read at test time from ../shared/eval when it is there (never copied).

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = join(root, '..', 'shared', 'eval', 'nids-commentary-396.txt');
const sharedMissing = existsSync(SHARED) ? (schemasMissing || false) : `${SHARED} is not here: the shared commentary's exports are not checked`;

describe('the shared commentary', { skip: sharedMissing }, () => {
  let dir: string;
  let corpus: Corpus;
  let data: ExportDataset;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mikata-shared-'));
    corpus = await Corpus.open({ db: join(dir, 'c.db'), create: true });
    await corpus.addSources([{ source: { text: readFileSync(SHARED, 'utf8'), format: 'text' }, name: 'shared.txt' }]);
    data = await collectDataset(corpus, {}, { now: NOW, analyst: 'eval' });
  });
  after(async () => {
    await corpus?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every format validates against its schema and reads back', () => {
    const stix = JSON.parse(str(renderExport('stix', data)));
    assert.deepEqual(stixValidator().bundle(stix), []);
    for (const o of stix.objects) assert.deepEqual(stixValidator().object(o), [], o.id);
    const w3c = JSON.parse(str(renderExport('w3c', data)));
    assert.deepEqual(webAnnotationValidator().collection(w3c), []);
    for (const a of w3c.first.items) assert.deepEqual(webAnnotationValidator().annotation(a), [], a.id);
    assert.deepEqual(cslValidator()(JSON.parse(str(renderExport('csl', data)))), []);
    const qdpx = renderExport('qdpx', data);
    assert.deepEqual(xsdErrors(unzipSync(qdpx)['project.qde']!, REFI_QDA_XSD()), []);
    assert.equal(readQdpx(qdpx).sources[0]!.selections.length, data.claims.length);
    assert.deepEqual(graphmlErrors(str(renderExport('graphml', data))), []);
    for (const f of corpusFormatNames) assert.ok(renderExport(f, data).length > 0, f);
  });

  test('the brief: no empty-note lines, no marker digits inside quotes, quotes in 「」, the original note numbers', () => {
    const md = str(renderExport('md', data));
    assert.doesNotMatch(md, /本文なし/);
    const doc = data.documents[0]!;
    for (const c of data.claims.filter((x) => x.status !== 'rejected')) {
      const inner = doc.markers.filter((m) => m.start >= c.content.start && m.end <= c.content.end);
      const shown = quoteWithoutMarkers(doc, c.content);
      assert.ok(md.includes(shown.replace(/([\\`*_[\]<>|~^])/g, '\\$1')), `claim ${c.id} quoted`);
      if (inner.length) assert.notEqual(shown, c.content.text.replace(/\s+/g, ' ').trim(), `claim ${c.id}: markers ${inner.map((m) => m.n)} out`);
      for (const n of c.footnotes) assert.ok(md.includes(`(注${n})`) || md.includes(`[^${n}]`), `claim ${c.id} cites note ${n} by its number`);
    }
    assert.doesNotMatch(md, /^- “/m);
  });
});
