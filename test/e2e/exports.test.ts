/**
 * The workbench's exports in real headless Chromium (Debian's, through playwright-core), over a corpus with
 * corrections and a server on 127.0.0.1 port 0: every format downloaded for the whole corpus (library), one
 * document (reader), one person (expert page) and one code of the matrix (alone, and with its expert), each
 * file named from its title and read back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import { ARTIFACTS, serveInBrowser, type BrowserSession } from './_browser.ts';
import { readQdpx } from '../../src/export/qdpx-read.ts';
import type { TestCorpus } from '../server/_corpus.ts';
import { createExportCorpus } from '../export/_corpus.ts';

let tc: TestCorpus;
let session: BrowserSession;
let page: Page;

before(async () => {
  tc = await createExportCorpus();
  session = await serveInBrowser(tc.corpus);
  page = await session.openPage({ acceptDownloads: true });
});

after(async () => {
  await session?.close();
  await tc?.dispose();
});

async function save(trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  // Headless Chromium now and then drops a second download made from one page after an await (its limit on
  // automatic downloads); a person clicks again, and so does the test, once. See the session note.
  let download: Download;
  try {
    [download] = await Promise.all([page.waitForEvent('download', { timeout: 5_000 }) as Promise<Download>, trigger()]);
  } catch {
    [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, trigger()]);
  }
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

/** Every format from one export group: the three buttons, then each format of the menu. */
async function downloadAll(scope: 'corpus' | 'document' | 'person'): Promise<Map<string, { name: string; bytes: Buffer }>> {
  const group = page.locator(`.exports[data-export-scope="${scope}"]`);
  await group.waitFor();
  const out = new Map<string, { name: string; bytes: Buffer }>();
  for (const f of ['md', 'html', 'csv']) out.set(f, await save(() => group.locator(`button[data-format="${f}"]`).click()));
  const options = await group.locator('select[data-testid="export-format"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.deepEqual(options, ['qdpx', 'w3c', 'stix', 'graphml', 'gexf', 'csl']);
  for (const f of options) {
    await group.locator('select[data-testid="export-format"]').selectOption(f);
    out.set(f, await save(() => group.locator('button[data-testid="export-download"]').click()));
  }
  return out;
}

function checkFiles(files: Map<string, { name: string; bytes: Buffer }>, stem: string, documents: number): void {
  const ext: Record<string, string> = { md: 'md', html: 'html', csv: 'csv', qdpx: 'qdpx', w3c: 'jsonld', stix: 'stix.json', graphml: 'graphml', gexf: 'gexf', csl: 'csl.json' };
  for (const [f, file] of files) assert.equal(file.name, `${stem}.${ext[f]}`, f);
  assert.equal(readQdpx(files.get('qdpx')!.bytes).sources.length, documents, 'qdpx sources');
  const stix = JSON.parse(files.get('stix')!.bytes.toString('utf8'));
  assert.equal(stix.objects.filter((o: { type: string }) => o.type === 'report').length, documents, 'a STIX report per document');
  assert.equal(JSON.parse(files.get('w3c')!.bytes.toString('utf8')).type, 'AnnotationCollection');
  assert.ok(Array.isArray(JSON.parse(files.get('csl')!.bytes.toString('utf8'))));
  assert.match(files.get('graphml')!.bytes.toString('utf8'), /<graphml /);
  assert.match(files.get('gexf')!.bytes.toString('utf8'), /<gexf /);
  assert.match(files.get('md')!.bytes.toString('utf8'), /^Date: \d{4}-\d\d-\d\d · analyst: e2e · Corrections: \d+/m);
  assert.match(files.get('html')!.bytes.toString('utf8'), /<!doctype html>/);
  assert.ok(files.get('csv')!.bytes.toString('utf8').startsWith('\uFEFFdocument,'));
}

test('the library exports the whole corpus in every format', async () => {
  await page.goto(`${session.server.url}#/`);
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'exports-library.png') });
  const files = await downloadAll('corpus');
  checkFiles(files, 'mikata_corpus', 4); // the labels follow the UI's language (English here)
  assert.match(files.get('csv')!.bytes.toString('utf8'), /,rejected,/, 'the audit record keeps the rejected claim');
});

test('the reader exports its document in every format', async () => {
  await page.goto(`${session.server.url}#/doc/${tc.refs['black-sea.txt']}`);
  await page.locator('.doc-text[data-ready="true"]').waitFor();
  const files = await downloadAll('document');
  checkFiles(files, '黒海の海上交通と沿岸国_——_東欧の研究者の見方', 1);
  const md = files.get('md')!.bytes.toString('utf8');
  assert.match(md, /「沿岸国の海軍による掃海の協力が不可欠である」\[\^3\]/, 'the document\'s own note number, in 「」');
  assert.match(md, /Corrections: 4 \(kato, sato\)/);
});

/** The claims of an audit CSV: document:claim, speakers and status columns. */
function csvClaims(bytes: Buffer): { claim: string; speakers: string; status: string }[] {
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const head = lines[0]!.split(',');
  const at = (name: string) => head.indexOf(name);
  // Quoted fields hold commas: split on commas outside quotes.
  const split = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"'));
  return lines.slice(1).map((l) => { const f = split(l); return { claim: `${f[0]}:${f[at('claim')]}`, speakers: f[at('speakers')]!, status: f[at('status')]! }; });
}

test('the matrix exports the claims of a code, and of one expert under it', async () => {
  await page.goto(`${session.server.url}#/matrix`);
  await page.getByRole('heading', { name: 'Experts × codes' }).waitFor();
  const naval = page.getByRole('button', { name: /(?:Vlad Popescu|ヴラド・M・ポペスク) — Naval and maritime: \d+/ });
  const count = Number(/: (\d+)$/.exec((await naval.getAttribute('aria-label')) ?? '')![1]);
  await naval.click();
  await page.locator('.cell-claims .claim-card-item').first().waitFor();
  const cell = await save(() => page.locator('.exports[data-export-scope="cell"] button[data-format="csv"]').click());
  const code = await save(() => page.locator('.exports[data-export-scope="code"] button[data-format="csv"]').click());
  const corpus = await save(() => { return page.goto(`${session.server.url}#/`).then(() => page.locator('.exports[data-export-scope="corpus"] button[data-format="csv"]').click()); });
  const inCell = csvClaims(cell.bytes);
  const inCode = csvClaims(code.bytes);
  const all = csvClaims(corpus.bytes);
  assert.equal(inCell.filter((r) => r.status !== 'rejected').length, count, 'the cell export holds the claims the matrix counts');
  assert.ok(inCell.every((r) => /Popescu|ポペスク/.test(r.speakers)), 'the cell export holds the expert\'s claims only');
  const codeIds = new Set(inCode.map((r) => r.claim));
  assert.ok(inCell.every((r) => codeIds.has(r.claim)), 'the cell is part of the code');
  assert.ok(inCode.length < all.length, `the code export is narrower than the corpus (${inCode.length} of ${all.length})`);
});

test('an expert page exports the person in every format', async () => {
  await page.goto(`${session.server.url}#/experts`);
  await page.getByLabel('Find an expert by any spelling').fill('Vlad Popescu');
  await page.locator('a', { hasText: 'ヴラド・M・ポペスク' }).first().click();
  await page.locator('.exports[data-export-scope="person"]').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'exports-expert.png') });
  const files = await downloadAll('person');
  checkFiles(files, 'ヴラド・M・ポペスク', 2);
  assert.deepEqual(session.problems, []);
});
