/**
 * The pure pieces behind the workbench: the brief renderers (Markdown, HTML), the claims CSV, theme keys,
 * and the reader's offsets → runs cutting.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderBriefHtml, escapeHtml } from '../../src/export/brief-html.ts';
import { renderBriefMarkdown, escapeMarkdown } from '../../src/export/brief-markdown.ts';
import { numberNotes, type Brief } from '../../src/export/brief.ts';
import { csvField, renderClaimsCsv, type ClaimCsvRow } from '../../src/export/claims-csv.ts';
import { themeKey } from '../../src/server/theme-key.ts';
import { buildRuns } from '../../src/web/highlight/build-runs.ts';

const docA = { id: 'aaaaaaaaaaaa', title: '黒海の海上交通', date: '2024-11-05', name: 'a.txt' };
const docB = { id: 'bbbbbbbbbbbb', title: null, date: null, name: 'b.txt' };

const brief: Brief = {
  title: 'ヴラド・ポペスク',
  language: 'en',
  generatedAt: null,
  documents: [docA, docB],
  speakers: [{
    name: 'ヴラド・ポペスク',
    forms: ['Vlad Popescu'],
    organization: 'ブカレスト戦略研究所',
    title: '上級研究員',
    claims: [
      { text: '航路は回復しつつある', kind: 'according_to', cue: 'によれば', section: '(1)機雷と航路', document: docA, footnotes: [{ n: 2, note: 'Popescu, "Mines," 2024.' }], hedges: [], provenance: 'machine', review: null, confidence: 0.9 },
      { text: '協力が<不可欠>である *本当に*', kind: 'reported', cue: 'と指摘する', section: null, document: docA, footnotes: [{ n: 2, note: 'Popescu, "Mines," 2024.' }, { n: 3, note: null }], hedges: ['可能性がある'], provenance: 'analyst', review: 'edited', confidence: 1 },
      { text: 'escorts reduced incidents', kind: 'according_to', cue: 'According to', section: null, document: docB, footnotes: [{ n: 2, note: 'Interview.' }], hedges: [], provenance: 'machine', review: 'accepted', confidence: 0.9 },
    ],
  }],
};

describe('briefs', () => {
  test('notes keep their own numbers (with the source index when there are several); a note without text is no note', () => {
    const { notes } = numberNotes(brief);
    assert.deepEqual(notes.map((n) => [n.label, n.document.id, n.n]), [['1-2', docA.id, 2], ['2-2', docB.id, 2]]);
    const one = numberNotes({ ...brief, documents: [docA], speakers: [{ ...brief.speakers[0]!, claims: brief.speakers[0]!.claims.slice(0, 2) }] });
    assert.deepEqual(one.notes.map((n) => n.label), ['2'], 'one source: the plain number');
  });

  test('Markdown: speakers, claims with footnote references, notes at the end', () => {
    const md = renderBriefMarkdown(brief);
    assert.equal(md.split('\n')[0], '# ヴラド・ポペスク');
    assert.match(md, /^## ヴラド・ポペスク \(Vlad Popescu\)$/m);
    assert.match(md, /^_ブカレスト戦略研究所 上級研究員_$/m);
    assert.match(md, /^- “航路は回復しつつある”\[\^1-2\] — _according to; cue 「によれば」; section: \(1\)機雷と航路; 黒海の海上交通 \(2024-11-05\); machine_$/m);
    assert.match(md, /“協力が\\<不可欠\\>である \\\*本当に\\\*”\[\^1-2\]\(note 3\)/, 'markup in document text is escaped; a note without text stays a plain marker');
    assert.match(md, /analyst \(edited\)/);
    assert.match(md, /^\[\^1-2\]: 黒海の海上交通 \(2024-11-05\), note 2: Popescu, "Mines," 2024\.$/m);
    assert.doesNotMatch(md, /note 3:|no note text/, 'no filler for a note without text');
    assert.match(md, /^\[\^2-2\]: b\.txt, note 2: Interview\.$/m);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'), 'one final newline');
  });

  test('Japanese labels; a Japanese document quoted in 「」', () => {
    const md = renderBriefMarkdown({ ...brief, language: 'ja' });
    assert.match(md, /^- 「航路は回復しつつある」\[\^1-2\]/m);
    assert.match(md, /\[\^1-2\]\(注3\)/);
    const en = renderBriefMarkdown({ ...brief, speakers: [{ ...brief.speakers[0]!, claims: [{ ...brief.speakers[0]!.claims[0]!, document: { ...docA, language: 'en' } }] }] });
    assert.match(en, /^- “航路は回復しつつある”/m, 'the document\'s language decides, not the brief\'s');
    assert.match(md, /## 出典文書/);
    assert.match(md, /伝聞\(〜によれば\); 手がかり 「によれば」/);
    assert.match(md, /^## 注$/m);
  });

  test('an empty brief says so', () => {
    assert.match(renderBriefMarkdown({ ...brief, speakers: [], documents: [] }), /No claims\./);
    assert.match(renderBriefHtml({ ...brief, speakers: [], documents: [] }), /<p>No claims\.<\/p>/);
  });

  test('HTML: escaped text, footnote links both ways, a policy without script', () => {
    const hostile = { ...brief, title: '<script>alert(1)</script>' };
    hostile.speakers = [{ ...brief.speakers[0]!, name: '<img src=x onerror=alert(1)>' }];
    const html = renderBriefHtml(hostile);
    assert.doesNotMatch(html, /<script>|<img/);
    assert.match(html, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.match(html, /協力が&lt;不可欠&gt;である/);
    assert.match(html, /<sup><a href="#fn-1-2" id="fnref-1-2-1">1-2<\/a><\/sup>/);
    assert.match(html, /<sup><a href="#fn-1-2" id="fnref-1-2-2">1-2<\/a><\/sup><sup>\(note 3\)<\/sup>/, 'a note cited twice gets a second anchor; one without text is a plain marker');
    assert.match(html, /<li id="fn-1-2"><b>1-2<\/b> 黒海の海上交通 \(2024-11-05\), note 2: Popescu, &quot;Mines,&quot; 2024\. <a href="#fnref-1-2-1" aria-label="back">↩<\/a> <a href="#fnref-1-2-2"/);
    assert.doesNotMatch(html, /no note text/);
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });

  const escapes: [string, string][] = [
    ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
    ['<b>bold</b>', '\\<b\\>bold\\</b\\>'],
    ['a | b', 'a \\| b'],
    ['line\nbreak', 'line break'],
    ['(1)機雷と航路', '(1)機雷と航路'],
  ];
  for (const [input, output] of escapes) {
    test(`escapeMarkdown ${JSON.stringify(input)}`, () => assert.equal(escapeMarkdown(input), output));
  }
});

describe('claims CSV', () => {
  const row: ClaimCsvRow = {
    document: docA.id, documentTitle: '黒海, "海上" 交通', documentDate: '2024-11-05', claim: 'a1', speakers: ['ヴラド・ポペスク', 'ダリナ'], speakerIds: ['e1', null],
    via: [], kind: 'reported', cue: 'と指摘する', text: '=HYPERLINK("http://x")\n二行目', start: 10, end: 30, section: null, footnotes: [2, 3], hedges: [],
    confidence: 0.9, provenance: 'machine', review: null,
  };

  test('header and a quoted, defused row with CRLF line ends', () => {
    const csv = renderClaimsCsv([row]);
    assert.equal(csv, [
      'document,document_title,document_date,claim,speakers,speaker_ids,via,kind,cue,text,start,end,section,footnotes,hedges,confidence,provenance,review,reliability,credibility',
      `${docA.id},"黒海, ""海上"" 交通",2024-11-05,a1,ヴラド・ポペスク; ダリナ,e1; ,,reported,と指摘する,"'=HYPERLINK(""http://x"")\n二行目",10,30,,2 3,,0.9,machine,,,`,
      '',
    ].join('\r\n'));
  });

  const fields: [string | number | null, string][] = [
    [null, ''], ['plain', 'plain'], [3, '3'], [-1, '-1'], ['-1', "'-1"], ['+cmd', "'+cmd"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"],
    ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\r\nlines', '"two\r\nlines"'],
  ];
  for (const [input, output] of fields) {
    test(`csvField ${JSON.stringify(input)}`, () => assert.equal(csvField(input), output));
  }
});

describe('theme keys', () => {
  const cases: [string | null, string][] = [
    ['(1)機雷と航路', '機雷と航路'],
    ['（２）同盟の限界', '同盟の限界'],
    ['第3章 北極海', '北極海'],
    ['2. Convoy  escorts', 'convoy escorts'],
    ['1.2 Sub-section', 'sub-section'],
    ['III. Conclusions', 'conclusions'],
    ['一、総論', '総論'],
    ['2024年の動向', '2024年の動向'],
    ['海上交通路の安全', '海上交通路の安全'],
    [null, ''],
  ];
  for (const [heading, key] of cases) {
    test(`themeKey(${JSON.stringify(heading)})`, () => assert.equal(themeKey(heading), key));
  }
});

describe('offsets → runs', () => {
  const flat = (length: number, runs: ReturnType<typeof buildRuns>) => {
    // Pieces tile the text: every offset belongs to exactly one piece, in order.
    let at = 0;
    for (const r of runs) for (const p of r.pieces) {
      assert.equal(p.start, at);
      assert.ok(p.end > p.start, 'no empty piece');
      at = p.end;
    }
    assert.equal(at, length);
    return runs.map((r) => [r.start, r.end, r.claim, r.first]);
  };

  test('plain text is one run', () => {
    assert.deepEqual(flat(10, buildRuns(10, [], [])), [[0, 10, null, false]]);
  });

  test('a claim, a cue after it and a footnote marker', () => {
    const runs = buildRuns(20, [{ id: 'a1', start: 2, end: 8 }], [{ kind: 'cue', id: 'a1', start: 8, end: 12 }, { kind: 'footnote', id: '1', start: 12, end: 13 }]);
    assert.deepEqual(flat(20, runs), [[0, 2, null, false], [2, 8, 'a1', true], [8, 20, null, false]]);
    assert.deepEqual(runs[2]!.pieces.map((p) => [p.start, p.end, p.marks.map((m) => m.kind)]), [[8, 12, ['cue']], [12, 13, ['footnote']], [13, 20, []]]);
  });

  test('a nested claim wins over the one around it, which resumes after it', () => {
    const runs = buildRuns(30, [{ id: 'outer', start: 0, end: 20 }, { id: 'inner', start: 5, end: 10 }], []);
    assert.deepEqual(flat(30, runs), [[0, 5, 'outer', true], [5, 10, 'inner', true], [10, 20, 'outer', false], [20, 30, null, false]]);
  });

  test('overlapping claims split at the overlap; the shorter owns it', () => {
    const runs = buildRuns(20, [{ id: 'a', start: 0, end: 10 }, { id: 'b', start: 6, end: 12 }], []);
    assert.deepEqual(flat(20, runs), [[0, 6, 'a', true], [6, 12, 'b', true], [12, 20, null, false]]);
  });

  test('adjacent claims stay apart; empty spans are ignored; a mark inside a claim cuts pieces, not runs', () => {
    const runs = buildRuns(12, [{ id: 'a', start: 0, end: 4 }, { id: 'b', start: 4, end: 8 }, { id: 'z', start: 6, end: 6 }], [{ kind: 'footnote', id: '1', start: 2, end: 3 }]);
    assert.deepEqual(flat(12, runs), [[0, 4, 'a', true], [4, 8, 'b', true], [8, 12, null, false]]);
    assert.equal(runs[0]!.pieces.length, 3);
  });

  test('surrogate pairs and CRLF are cut where the offsets say', () => {
    const text = '𠮷野家\r\nによれば';
    const runs = buildRuns(text.length, [{ id: 'a', start: 0, end: 4 }], [{ kind: 'cue', id: 'a', start: 6, end: 10 }]);
    assert.equal(text.slice(runs[0]!.start, runs[0]!.end), '𠮷野家');
    assert.equal(runs.map((r) => text.slice(r.start, r.end)).join(''), text);
  });

  test('a span outside the text throws, naming it', () => {
    assert.throws(() => buildRuns(5, [{ id: 'a9', start: 3, end: 9 }], []), /claim a9 \[3, 9\) is not a range of a text of length 5/);
    assert.throws(() => buildRuns(5, [], [{ kind: 'footnote', id: '7', start: -1, end: 1 }]), /footnote 7/);
  });
});
