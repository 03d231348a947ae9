/**
 * Grading in every export that carries claims: the audit CSV and the claims CSV, STIX 2.1 (custom properties
 * and the Admiralty → STIX confidence mapping, valid against the OASIS schemas), W3C Web Annotation (valid),
 * REFI-QDA (credibility codes, valid against the XSD), the Markdown and HTML briefs, and the corpus export.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { collectDataset } from '../../src/export/collect-dataset.ts';
import { renderClaimsCsv } from '../../src/export/claims-csv.ts';
import type { ExportDataset } from '../../src/export/dataset.ts';
import { renderExport } from '../../src/export/formats.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { REFI_QDA_XSD, schemasMissing, stixValidator, webAnnotationValidator, xsdErrors } from '../export/_validators.ts';
import { BRIEFING_EN, BRIEFING_JA } from './_texts.ts';

type Json = any;
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const NOW = '2025-05-01T10:00:00.000Z';

let dir: string;
let corpus: Corpus;
let ja: string;
let data: ExportDataset;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mikata-grade-export-'));
  corpus = await Corpus.open({ db: join(dir, 'corpus.db'), create: true, now: () => '2025-04-01T09:00:00.000Z' });
  const out = await corpus.addSources([
    { source: { text: BRIEFING_JA, format: 'text' }, name: 'briefing-ja.txt' },
    { source: { text: BRIEFING_EN, format: 'text' }, name: 'briefing-en.txt' },
  ]);
  ja = out[0]!.document!.id;
  const g = corpus.grading();
  await g.setReliability({ source: 'エレナ・ヴォルコワ', value: 'C', by: 'kato', why: 'the official line' });
  await g.setCredibility({ document: ja, claim: 'a1', value: '4', by: 'kato', why: 'no other source' });
  await g.setCredibility({ document: ja, quote: '保険料をさらに', value: '6', by: 'sato' });
  const book = corpus.achBook();
  const m = await book.create({ title: '制限は続くか', by: 'kato' });
  await book.addHypothesis(m.ref, 'short');
  await book.addHypothesis(m.ref, 'long');
  await book.addEvidence(m.ref, { document: ja, claim: 'a1' });
  await book.rate(m.ref, 'ev1', 'h2', 'II', 'kato');
  data = await collectDataset(corpus, { documents: [ja] }, { now: NOW, analyst: 'kato' });
});
after(async () => {
  await corpus.close();
  rmSync(dir, { recursive: true, force: true });
});

const claimOf = (quote: string) => data.claims.find((c) => c.content.text.includes(quote))!;

describe('grading in the exports', () => {
  test('the dataset: persons carry their grade and caveats, claims their credibility; spans hold', () => {
    const doc = data.documents[0]!;
    for (const c of data.claims) assert.equal(doc.text.slice(c.content.start, c.content.end), c.content.text);
    const volkova = data.people.find((p) => p.name === 'エレナ・ヴォルコワ')!;
    assert.equal(volkova.reliability?.value, 'C');
    assert.deepEqual(volkova.caveats?.map((k) => k.id), ['official.spokesperson', 'official.government']);
    assert.equal(claimOf('一時的な措置').credibility?.value, '4');
    assert.equal(claimOf('演習は').credibility, null);
  });

  test('dataset JSON: people with grades and caveats, claims with credibility and grade; every span resolves', () => {
    const j = JSON.parse(text(renderExport('json', data)));
    assert.equal(j.format, 'mikata-dataset/1');
    assert.equal(j.analyst, 'kato');
    const texts = new Map(j.documents.map((d: Json) => [d.id, d.text]));
    for (const c of j.claims) assert.equal((texts.get(c.document) as string).slice(c.content.start, c.content.end), c.content.text);
    const a1 = j.claims.find((c: Json) => c.content.text.includes('一時的な措置'));
    assert.deepEqual([a1.credibility.value, a1.credibility.by, a1.credibility.why, a1.grade], ['4', 'kato', 'no other source', 'C4']);
    assert.equal(j.claims.find((c: Json) => c.content.text.includes('演習は')).grade, null);
    const volkova = j.people.find((p: Json) => p.name === 'エレナ・ヴォルコワ');
    assert.equal(volkova.reliability.value, 'C');
    assert.equal(volkova.caveats[0].label.en, 'Government spokesperson');
    const empty = JSON.parse(text(renderExport('json', { ...data, documents: [], people: [], claims: [], corrections: [] })));
    assert.deepEqual([empty.documents, empty.claims], [[], []]);
  });

  test('audit CSV: reliability per speaker, credibility, the grade as C4, the caveats', () => {
    const csv = text(renderExport('csv', data)).replace(/^\uFEFF/, '');
    const [head, ...rows] = csv.trimEnd().split('\r\n');
    assert.match(head!, /,why,reliability,credibility,grade,caveats$/);
    const row = rows.find((r) => r.includes('一時的な措置'))!;
    assert.match(row, /,C,4,C4,報道官・広報担当; 政府・省庁・当局者$/);
    assert.match(rows.find((r) => r.includes('保険料をさらに'))!, /,,6,6,$/);
    assert.match(rows.find((r) => r.includes('演習は'))!, /,,,,$/);
  });

  test('claims CSV: reliability and credibility columns', () => {
    const base = {
      document: ja, documentTitle: 't', documentDate: null, claim: 'a1', speakers: ['エレナ・ヴォルコワ'], speakerIds: ['e1'], via: [], kind: 'reported',
      cue: 'と述べた', text: '海峡の通航制限は一時的な措置だ', start: 0, end: 1, section: null, footnotes: [], hedges: [], confidence: 0.9,
      provenance: 'machine' as const, review: null,
    };
    const csv = renderClaimsCsv([{ ...base, reliability: ['C'], credibility: '4' }, base]);
    const lines = csv.trimEnd().split('\r\n');
    assert.match(lines[0]!, /,review,reliability,credibility$/);
    assert.match(lines[1]!, /,machine,,C,4$/);
    assert.match(lines[2]!, /,machine,,,$/);
  });

  test('STIX: x_mikata_reliability and caveats on the identity, credibility with the Admiralty confidence on the note; valid', () => {
    const bundle = JSON.parse(text(renderExport('stix', data)));
    const volkova = bundle.objects.find((o: Json) => o.type === 'identity' && o.name === 'エレナ・ヴォルコワ');
    assert.deepEqual(volkova.x_mikata_reliability, { grade: 'C', label: 'fairly reliable', by: 'kato', at: '2025-04-01T09:00:00.000Z', why: 'the official line' });
    assert.deepEqual(volkova.x_mikata_caveats.map((k: Json) => [k.id, k.suggest]), [['official.spokesperson', 'C'], ['official.government', 'C']]);
    const note = bundle.objects.find((o: Json) => o.type === 'note' && o.content.includes('一時的な措置'));
    assert.deepEqual([note.x_mikata_credibility.grade, note.x_mikata_credibility.confidence, note.x_mikata_grade], ['4', 30, 'C4']);
    const unjudged = bundle.objects.find((o: Json) => o.type === 'note' && o.content.includes('保険料をさらに'));
    assert.equal(unjudged.x_mikata_credibility.grade, '6');
    assert.equal('confidence' in unjudged.x_mikata_credibility, false, '6 has no STIX confidence');
    const plain = bundle.objects.find((o: Json) => o.type === 'note' && o.content.includes('演習は'));
    assert.equal('x_mikata_credibility' in plain || 'x_mikata_grade' in plain, false);
    assert.doesNotMatch(JSON.stringify(bundle), /:null\b/);
    if (schemasMissing) return;
    const v = stixValidator();
    assert.deepEqual(v.bundle(bundle), []);
    for (const o of bundle.objects) assert.deepEqual(v.object(o), [], `${o.type} ${o.id}`);
  });

  test('W3C Web Annotation: assessing bodies for the grades, commenting bodies for the caveats; valid', () => {
    const c = JSON.parse(text(renderExport('w3c', data)));
    const a = c.first.items.find((x: Json) => x.target.selector[0].exact.includes('一時的な措置'));
    const bodies = a.body.filter((b: Json) => b.type === 'TextualBody').map((b: Json) => `${b.purpose} ${b.value}`);
    assert.ok(bodies.includes('assessing reliability C: fairly reliable (エレナ・ヴォルコワ; kato, 2025-04-01T09:00:00.000Z: the official line)'), bodies.join('\n'));
    assert.ok(bodies.includes('assessing credibility 4: doubtful (kato, 2025-04-01T09:00:00.000Z: no other source)'));
    assert.ok(bodies.includes('assessing grade C4'));
    assert.ok(bodies.some((b: string) => b.startsWith('commenting caveat: Government spokesperson: ')));
    if (schemasMissing) return;
    const v = webAnnotationValidator();
    assert.deepEqual(v.collection(c), []);
    for (const x of c.first.items) assert.deepEqual(v.annotation(x), [], x.id);
  });

  test('REFI-QDA: a Credibility code per grade used, graded selections coded with it, the grade in descriptions; valid', () => {
    const xml = text(unzipSync(renderExport('qdpx', data))['project.qde']!);
    assert.match(xml, /<Code guid="[^"]+" name="Credibility" isCodable="false">/);
    const four = /<Code guid="([^"]+)" name="4 doubtful" isCodable="true"/.exec(xml)![1];
    assert.match(xml, /name="6 truth cannot be judged"/);
    assert.doesNotMatch(xml, /name="1 confirmed/, 'only the grades used');
    const selection = /<PlainTextSelection [^>]*>\s*<Description>([^<]*一時的[^<]*|[^<]*grade C4[^<]*)<\/Description>[\s\S]*?<\/PlainTextSelection>/.exec(xml)![0];
    assert.match(selection, /grade C4; caveat: Government spokesperson; caveat: Government, ministry or official/);
    assert.ok(selection.includes(`<CodeRef targetGUID="${four}"/>`));
    assert.match(xml, /reliability C \(fairly reliable; kato: the official line\)/);
    if (!schemasMissing) assert.deepEqual(xsdErrors(xml, REFI_QDA_XSD()), []);
  });

  test('the briefs: the speaker\u2019s reliability and caveats, each claim\u2019s credibility and grade, in the brief\u2019s language', () => {
    const md = text(renderExport('md', data));
    assert.match(md, /## エレナ・ヴォルコワ[^\n]*\n\n_北方連邦外務省 報道官_\n\n情報源の信頼性 C \(かなり信頼できる; kato: the official line\)\n\n> \*\*注意: 報道官・広報担当\*\* — 政府・機関の報道官の発言は/);
    assert.match(md, /「海峡の通航制限は一時的な措置だ」 — _[^\n]*評価 C4; 情報の確度 4 \(疑わしい; kato: no other source\)_/);
    assert.match(md, /情報の確度 6 \(真偽を判断できない; sato\)/);
    const html = text(renderExport('html', data));
    assert.match(html, /<p class="reliability">情報源の信頼性 C \(かなり信頼できる; kato: the official line\)<\/p>/);
    assert.match(html, /<p class="caveat"><b>注意: 報道官・広報担当<\/b> — /);
    assert.match(html, /<span class="badge grade" title="評価">C4<\/span>/);
    // The ACH table prints the weight the scores used, with the grade that set it: C (0.6) × 4 (0.4) = 0.24, II → 0.48.
    assert.match(md, /\| ev1 \| 0\.24 \(C4\) \| {2}\| II \| 0\.48 \|/);
    assert.match(html, /<td>0\.24 \(C4\)<\/td>/);
    const en = renderExport('md', { ...data, language: 'en' });
    assert.match(text(en), /source reliability C \(fairly reliable; kato: the official line\)/);
    assert.match(text(en), /> \*\*caveat: Government spokesperson\*\* — A spokesperson states/);
  });
});
