/**
 * The ACH matrices in the HTML and Markdown briefs (brief-ach.ts, collect-ach.ts): hypotheses with Heuer's
 * inconsistency scores and ranks, the rating of each evidence under each hypothesis, the most diagnostic
 * evidence, the changes that move the lead, and each claim sourced (speaker, document, quote); everything
 * escaped; a brief of a selection carries the matrices with evidence from it; evidence whose claim is gone
 * is marked, not dropped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectDataset } from '../../src/export/collect-dataset.ts';
import { renderExport } from '../../src/export/formats.ts';
import { renderAchHtml, renderAchMarkdown, type ExportAchMatrix } from '../../src/export/brief-ach.ts';
import type { TestCorpus } from '../server/_corpus.ts';
import { createTestCorpus } from '../server/_corpus.ts';
import { CONVOYS_EN } from '../server/_texts.ts';
import { PORTS_JA } from './_corpus.ts';

const NOW = '2025-05-01T10:00:00.000Z';
const str = (b: Uint8Array) => new TextDecoder().decode(b);

let tc: TestCorpus;
let ports: string;
let claimText: string;
let speaker: string;

before(async () => {
  tc = await createTestCorpus({ 'ports.txt': PORTS_JA, 'convoys.txt': CONVOYS_EN });
  ports = tc.refs['ports.txt']!;
  const doc = await tc.corpus.resolveDocument(ports);
  const claim = (await tc.corpus.store.claims(doc.id)).find((c) => c.content.includes('十年'))!;
  claimText = claim.content;
  speaker = claim.speakers.filter((s) => s.role === 'speaker').map((s) => s.name).join(', ');
  const book = tc.corpus.achBook();
  await book.create({ title: '再建は早いか <遅い>か', by: 'kato' });
  await book.addHypothesis('m1', 'quick');
  await book.addHypothesis('m1', 'slow <script>alert(1)</script>');
  await book.addEvidence('m1', { document: ports, claim: claim.localId });
  await book.addEvidence('m1', { text: 'cranes were ordered | in 2024' }, { weight: 2 });
  await book.rate('m1', 'ev1', 'h1', 'II', 'kato');
  await book.rate('m1', 'ev1', 'h2', 'C', 'kato');
  await book.rate('m1', 'ev2', 'h1', 'I', 'kato');
  await book.rate('m1', 'ev2', 'h2', 'N', 'kato');
  // A matrix with no evidence from ports.txt: only in a brief of the whole corpus.
  await book.create({ title: 'Convoys or insurance?', by: 'sato' });
  await book.addHypothesis('m2', 'convoys');
});
after(async () => tc?.dispose());

describe('ACH in the briefs', () => {
  test('HTML: scores, ranks, ratings, diagnosticity, sensitivity and the sourced claim, escaped', async () => {
    const data = await collectDataset(tc.corpus, {}, { now: NOW, analyst: 'tanaka', language: 'en' });
    assert.deepEqual(data.ach!.map((m) => m.id), ['m1', 'm2'], 'the whole corpus: every matrix');
    const html = str(renderExport('html', data));
    const section = html.slice(html.indexOf('<section class="ach">'), html.indexOf('</section>', html.indexOf('<section class="ach">')));
    assert.ok(section.length > 0, 'an ACH section');
    assert.match(section, /<h2>Competing hypotheses<\/h2>/);
    assert.match(section, /<h3 id="ach-m1">m1 再建は早いか &lt;遅い&gt;か<\/h3>/);
    // quick: ev1 II (weight 1) → 2, ev2 I (weight 2) → 2: 4. slow: 0. slow leads.
    assert.match(section, /<th scope="col">h1 quick<br><span class="meta">inconsistency 4 · rank 2<\/span><\/th>/);
    assert.match(section, /<th scope="col" class="leader">h2 slow &lt;script&gt;alert\(1\)&lt;\/script&gt;<br><span class="meta">inconsistency 0 · rank 1<\/span><\/th>/);
    assert.doesNotMatch(html, /<script>/);
    // ev1: the claim in its document's quotation marks, with speaker, document and claim id; ratings and diagnosticity (C − II = 3).
    const row1 = section.slice(section.indexOf('<tr><th scope="row">ev1'), section.indexOf('</tr>', section.indexOf('<tr><th scope="row">ev1')));
    assert.ok(row1.includes(`ev1 「${claimText}」`), row1);
    assert.ok(row1.includes(`${speaker} — 港湾の再建 —— 港湾研究者の見方 (2024-06-01), ${ports} — claim `), row1);
    assert.match(row1, /<td>1<\/td><td>II<\/td><td>C<\/td><td class="diagnostic">3<\/td>$/);
    // ev2: the analyst's own words, weight 2, I and N: diagnosticity 2 × (0 − (−1)) = 2.
    assert.match(section, /<tr><th scope="row">ev2 “cranes were ordered \| in 2024”<br><span class="meta">analyst&#39;s own evidence<\/span><\/th><td>2<\/td><td>I<\/td><td>N<\/td><td class="diagnostic">2<\/td><\/tr>/);
    assert.match(section, /<b>Ranking \(least inconsistent first\):<\/b> rank 1 h2 slow &lt;script&gt;alert\(1\)&lt;\/script&gt; \(0\); rank 2 h1 quick \(4\)/);
    assert.ok(section.includes(`<b>Most diagnostic evidence:</b> ev1 「${claimText}」 (3); ev2 “cranes were ordered | in 2024” (2)`), section);
    // No one removal or flip closes a gap of 4 (ev1 flipped to CC still leaves h1 at 2).
    assert.match(section, /<p>No single change of one piece of evidence moves the lead\.<\/p>/);
    assert.match(section, /<h3 id="ach-m2">m2 Convoys or insurance\?<\/h3>/);
  });

  test('Markdown: a table per matrix, the sources, the ranking and the most diagnostic evidence', async () => {
    const data = await collectDataset(tc.corpus, { documents: [ports] }, { now: NOW, analyst: 'tanaka' });
    assert.deepEqual(data.ach!.map((m) => m.id), ['m1'], 'a document\'s brief: the matrices with evidence from it');
    const md = str(renderExport('md', data));
    const at = md.indexOf('## 競合仮説の分析');
    assert.ok(at > 0, md);
    const part = md.slice(at, md.indexOf('\n## ', at + 1) > 0 ? md.indexOf('\n## ', at + 1) : undefined);
    assert.ok(part.includes('### m1 再建は早いか \\<遅い\\>か'), part);
    assert.ok(part.includes('| 証拠 | 重み | h1 quick (不整合 4, 2位) | h2 slow \\<script\\>alert(1)\\</script\\> (不整合 0, 1位) | 診断性 |'), part);
    assert.ok(part.includes('| ev1 | 1 | II | C | 3 |'), part);
    assert.ok(part.includes('| ev2 | 2 | I | N | 2 |'), part);
    assert.ok(part.includes(`- ev1: 「${claimText}」 — ${speaker} — 港湾の再建 —— 港湾研究者の見方 (2024-06-01), ${ports} — 主張 `), part);
    assert.ok(part.includes('- ev2: 「cranes were ordered \\| in 2024」 — 分析者の記述'), part);
    assert.ok(part.includes('**順位(不整合の少ない順):** 1位 h2 slow \\<script\\>alert(1)\\</script\\> (0); 2位 h1 quick (4)'), part);
    assert.ok(part.includes('**最も診断的な証拠:** ev1 (3), ev2 (2)'), part);
    // A brief of a document no matrix draws on has no ACH section.
    const other = await collectDataset(tc.corpus, { documents: ['convoys.txt'] }, { now: NOW });
    assert.deepEqual(other.ach, []);
    assert.doesNotMatch(str(renderExport('md', other)), /競合仮説|Competing hypotheses/);
    assert.doesNotMatch(str(renderExport('html', other)), /class="ach"/);
  });

  test('evidence whose document is gone stays in the brief, marked', async () => {
    await tc.corpus.delete(ports);
    const data = await collectDataset(tc.corpus, {}, { now: NOW, language: 'en' });
    const ev1 = data.ach![0]!.evidence[0]!;
    assert.equal(ev1.text, claimText);
    assert.equal(ev1.source!.document, null);
    assert.match(ev1.stale!, /is no longer in the corpus/);
    const html = str(renderExport('html', data));
    assert.match(html, /deleted document [0-9a-f]{12} — claim a\d+<\/span><br><span class="meta stale">⚠ its document [0-9a-f]{12} is no longer in the corpus<\/span>/);
  });
});

test('the changes that move the lead are listed with the hypotheses that would lead (pure renderers)', () => {
  const m: ExportAchMatrix = {
    id: 'm7', title: 'tie', by: 'kato', at: '2025-04-01T00:00:00.000Z',
    hypotheses: [{ id: 'h1', label: 'a', inconsistency: 1, rank: 1, leader: true }, { id: 'h2', label: 'b', inconsistency: 2, rank: 2, leader: false }],
    evidence: [{ id: 'ev1', kind: 'text', text: 'x', speaker: null, source: null, weight: 1, ratings: ['I', 'II'], diagnosticity: 1, diagnostic: true, stale: null }],
    mostDiagnostic: ['ev1'],
    sensitivity: [{ evidence: 'ev1', hypothesis: 'h2', from: 'II', to: 'CC', leaders: ['h2'] }, { evidence: 'ev1', hypothesis: null, from: null, to: null, leaders: ['h1', 'h2'] }],
  };
  assert.ok(renderAchHtml([m], 'en').includes('<p><b>Single changes that move the lead:</b> ev1 / h2: II → CC → h2 b; ev1 removed → h1 a, h2 b</p>'));
  assert.ok(renderAchMarkdown([m], 'en').includes('| ev1 | 1 | I | II | 1 |'));
  assert.deepEqual(renderAchHtml([], 'en'), []);
});
