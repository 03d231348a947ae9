/**
 * Small commentaries written for the corpus tests, with hand-made analyses, so that the tests do not
 * depend on what the extractor finds today. One expert (Taras Bondarenko) appears in katakana, Latin and
 * Cyrillic across documents; two different people share the surname Kovalenko; one document names
 * Bondarenko by surname alone.
 */
import { analysisSchema, SCHEMA_VERSION, type Analysis, type Person } from '../../src/core/model/schema.ts';

export interface PersonSpec {
  id: string;
  name: string;
  aliases?: string[];
  latin?: string | null;
  organization?: string | null;
  /** The post the document gives the person (教授, senior fellow). */
  title?: string | null;
  type?: Person['type'];
}

export interface AttributionSpec {
  id: string;
  speakers: string[];
  via?: string[];
  /** A substring of the text (its first occurrence, or the `occurrence`-th). */
  content: string;
  occurrence?: number;
  cue?: string;
  kind?: 'quote' | 'reported' | 'according_to';
  footnotes?: number[];
}

export interface DocSpec {
  name: string;
  text: string;
  date: string | null;
  title: string | null;
  language: 'ja' | 'en';
  /** Lines of the text that are section headings. */
  headings?: string[];
  people: PersonSpec[];
  attributions: AttributionSpec[];
  /** Date expressions in the text and what they mean. */
  dates?: { text: string; value: string }[];
  /** Footnote markers: the marker text follows `after` in the text; `note` is the note's text (in the text too). */
  footnotes?: { n: number; after: string; note?: string }[];
}

function find(text: string, needle: string, occurrence = 1, from = 0): { start: number; end: number } {
  let at = from - 1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(needle)} (occurrence ${occurrence}) is not in the text`);
  }
  return { start: at, end: at + needle.length };
}

/** The occurrence of `needle` closest to a span (a cue just before or after its content). */
function nearest(text: string, needle: string, near: { start: number; end: number }): { start: number; end: number } {
  let best: { start: number; end: number } | null = null;
  const distance = (at: number) => (at >= near.end ? at - near.end : near.start - (at + needle.length));
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!best || Math.abs(distance(at)) < Math.abs(distance(best.start))) best = { start: at, end: at + needle.length };
  }
  if (!best) throw new Error(`fixture: cue ${JSON.stringify(needle)} is not in the text`);
  return best;
}

const quoted = (text: string, span: { start: number; end: number }) => ({ ...span, text: text.slice(span.start, span.end) });

/** A valid Analysis for a spec: blocks are lines, sentences end at 。.!?, sections start at the headings. */
export function makeAnalysis(spec: DocSpec): Analysis {
  const { text } = spec;
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const headingStarts = (spec.headings ?? []).map((h) => find(text, h).start);
  const sections = headingStarts.map((start, i) => {
    const next = headingStarts[i + 1] ?? text.length;
    return { heading: spec.headings![i]!, level: 1, start, headingEnd: start + spec.headings![i]!.length, end: next, trailer: false, parent: null };
  });
  const sectionOf = (pos: number) => {
    let s: number | null = null;
    sections.forEach((x, i) => { if (x.start <= pos) s = i; });
    return s;
  };
  const blocks = lines.map((l) => ({ ...l, kind: headingStarts.includes(l.start) ? ('heading' as const) : ('paragraph' as const), section: sectionOf(l.start) }));
  const sentences: { start: number; end: number; block: number }[] = [];
  blocks.forEach((b, bi) => {
    let s = b.start;
    for (let i = b.start; i < b.end; i++) {
      const ch = text[i]!;
      if ('。!?！？'.includes(ch) || (ch === '.' && (i + 1 >= b.end || text[i + 1] === ' '))) {
        sentences.push({ start: s, end: i + 1, block: bi });
        s = i + 1;
        while (s < b.end && text[s] === ' ') s++;
      }
    }
    if (s < b.end) sentences.push({ start: s, end: b.end, block: bi });
  });
  const footnotes = (spec.footnotes ?? []).map((f) => {
    const after = find(text, f.after);
    const marker = { start: after.end, end: after.end + String(f.n).length };
    if (text.slice(marker.start, marker.end) !== String(f.n)) throw new Error(`fixture: footnote ${f.n} is not right after ${JSON.stringify(f.after)}`);
    const noteSpan = f.note ? find(text, f.note) : null;
    return { n: f.n, ...marker, style: 'bare' as const, sentence: null, note: noteSpan ? quoted(text, noteSpan) : null };
  });
  const people = spec.people.map((p) => {
    const mentions: { start: number; end: number; text: string }[] = [];
    for (const form of [p.name, ...(p.aliases ?? [])]) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
        if (!mentions.some((m) => m.start <= i && i < m.end)) mentions.push(quoted(text, { start: i, end: i + form.length }));
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return {
      id: p.id, type: p.type ?? ('person' as const), role: 'speaker' as const, name: p.name, aliases: p.aliases ?? [], latin: p.latin ?? null,
      organization: p.organization ?? null, title: p.title ?? null, mentions,
    };
  });
  const attributions = spec.attributions.map((a) => {
    const content = find(text, a.content, a.occurrence ?? 1);
    const cue = a.cue ? nearest(text, a.cue, content) : null;
    return {
      id: a.id, speakers: a.speakers, via: a.via ?? [], kind: a.kind ?? ('reported' as const), cue: cue ? quoted(text, cue) : null,
      content: quoted(text, content), source: null, footnotes: a.footnotes ?? [], mention: 'explicit' as const, hedges: [], confidence: 0.9,
      evidence: [{ rule: 'fixture' }], provenance: 'machine' as const,
    };
  });
  const dates = (spec.dates ?? []).map((d) => ({ ...quoted(text, find(text, d.text)), value: d.value, approx: false }));
  return analysisSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { length: text.length, format: 'text' },
    document: { title: spec.title, subtitle: null, series: null, number: null, date: spec.date, language: spec.language, authors: [] },
    blocks, sections, sentences, footnotes, people, attributions, unattributed: [], dates, glossary: [], messages: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// The documents

export const JA_BLACK_SEA: DocSpec = {
  name: 'black-sea-ja.txt',
  title: '黒海の航行の自由をめぐる議論',
  date: '2024-03-15',
  language: 'ja',
  text: [
    '海洋安全保障レポート 第12号 2024年3月15日',
    '黒海の航行の自由をめぐる議論',
    'はじめに',
    '2022年以降、黒海の海上交通は大きく変化した。本稿では周辺国の専門家の見方を整理する。',
    '沿岸国の見方',
    'オデーサ海洋研究所のタラス・V・ボンダレンコ上級研究員によれば、黒海の商船航路は2023年8月以降に部分的に回復したが、機雷の危険は今後も長く残るという1。ボンダレンコは、保険料の高騰が穀物輸出の最大の障害になっていると指摘する2。',
    'ブカレスト安全保障センターのミハイ・ポペスク所長は、ルーマニアの港湾が代替航路として重要性を増したとの認識を示す3。ポペスクによれば、⾮核化の議論とは別に、通常戦力の抑止が黒海では決定的だという。',
    '注',
    '1 T. Bondarenko, Shipping in the Black Sea, 2024.',
    '2 同上。',
    '3 M. Popescu, interview, 2024.',
  ].join('\n'),
  headings: ['はじめに', '沿岸国の見方', '注'],
  people: [
    { id: 'p1', name: 'タラス・V・ボンダレンコ', aliases: ['ボンダレンコ'], organization: 'オデーサ海洋研究所' },
    { id: 'p2', name: 'ミハイ・ポペスク', aliases: ['ポペスク'], organization: 'ブカレスト安全保障センター' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: '黒海の商船航路は2023年8月以降に部分的に回復したが、機雷の危険は今後も長く残るという', cue: 'によれば', kind: 'according_to', footnotes: [1] },
    { id: 'a2', speakers: ['p1'], content: '保険料の高騰が穀物輸出の最大の障害になっている', cue: 'と指摘する', footnotes: [2] },
    { id: 'a3', speakers: ['p2'], content: 'ルーマニアの港湾が代替航路として重要性を増した', cue: 'との認識を示す', footnotes: [3] },
    { id: 'a4', speakers: ['p2'], content: '⾮核化の議論とは別に、通常戦力の抑止が黒海では決定的だという', cue: 'によれば', kind: 'according_to' },
  ],
  dates: [{ text: '2024年3月15日', value: '2024-03-15' }, { text: '2022年', value: '2022' }, { text: '2023年8月', value: '2023-08' }],
  footnotes: [
    { n: 1, after: '長く残るという', note: 'T. Bondarenko, Shipping in the Black Sea, 2024.' },
    { n: 2, after: 'と指摘する', note: '同上。' },
    { n: 3, after: 'との認識を示す', note: 'M. Popescu, interview, 2024.' },
  ],
};

export const EN_CORRIDOR: DocSpec = {
  name: 'corridor-en.txt',
  title: 'Grain corridors after the war',
  date: '2025-01-20',
  language: 'en',
  text: [
    'Maritime Security Brief No. 7, 20 January 2025',
    'Grain corridors after the war',
    'Coastal perspectives',
    'According to Taras Bondarenko, a senior fellow at the Odesa Maritime Institute, insurance costs remain the main obstacle to grain exports. Bondarenko argues that mine clearance will take at least a decade.',
    'Dmytro Kovalenko of the Kyiv Institute of Strategic Studies said that naval drones changed the balance in the western Black Sea in 2023.',
    'Oksana Melnyk warned that sanctions on shipping insurers could close the corridor within weeks.',
  ].join('\n'),
  headings: ['Coastal perspectives'],
  people: [
    { id: 'p1', name: 'Taras Bondarenko', aliases: ['Bondarenko'], latin: 'Taras Bondarenko', organization: 'Odesa Maritime Institute' },
    { id: 'p2', name: 'Dmytro Kovalenko', aliases: ['Kovalenko'], latin: 'Dmytro Kovalenko', organization: 'Kyiv Institute of Strategic Studies' },
    { id: 'p3', name: 'Oksana Melnyk', aliases: ['Melnyk'], latin: 'Oksana Melnyk' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: 'insurance costs remain the main obstacle to grain exports', cue: 'According to', kind: 'according_to' },
    { id: 'a2', speakers: ['p1'], content: 'mine clearance will take at least a decade', cue: 'argues' },
    { id: 'a3', speakers: ['p2'], content: 'naval drones changed the balance in the western Black Sea in 2023', cue: 'said' },
    { id: 'a4', speakers: ['p3'], content: 'sanctions on shipping insurers could close the corridor within weeks', cue: 'warned' },
  ],
  dates: [{ text: '20 January 2025', value: '2025-01-20' }, { text: '2023', value: '2023' }],
};

export const JA_DRONES: DocSpec = {
  name: 'drones-ja.txt',
  title: '無人艇と黒海の抑止',
  date: '2024-11-02',
  language: 'ja',
  text: [
    '安全保障コメンタリー 第31号 2024年11月2日',
    '無人艇と黒海の抑止',
    '専門家の評価',
    'タラス・ボンダレンコ(Тарас Бондаренко)は、無人艇の運用が黒海艦隊の行動範囲を大きく狭めたと分析している。',
    'キーウ戦略研究所のイリーナ・コヴァレンコ研究員は、無人艇の量産が2025年までの鍵になると述べた。',
  ].join('\n'),
  headings: ['専門家の評価'],
  people: [
    { id: 'p1', name: 'タラス・ボンダレンコ', aliases: ['Тарас Бондаренко'] },
    { id: 'p2', name: 'イリーナ・コヴァレンコ', aliases: ['コヴァレンコ'], organization: 'キーウ戦略研究所' },
  ],
  attributions: [
    { id: 'a1', speakers: ['p1'], content: '無人艇の運用が黒海艦隊の行動範囲を大きく狭めた', cue: 'と分析している' },
    { id: 'a2', speakers: ['p2'], content: '無人艇の量産が2025年までの鍵になる', cue: 'と述べた' },
  ],
  dates: [{ text: '2024年11月2日', value: '2024-11-02' }, { text: '2025年', value: '2025' }],
};

/** Names Bondarenko by surname alone: a weak match, to be proposed, not merged. */
export const JA_SURNAME_ONLY: DocSpec = {
  name: 'ports-ja.txt',
  title: '港湾の復旧',
  date: '2025-06-01',
  language: 'ja',
  text: [
    '港湾レポート 2025年6月1日',
    '港湾の復旧',
    'ボンダレンコは、港湾の復旧には少なくとも3年を要すると指摘する。',
  ].join('\n'),
  headings: [],
  people: [{ id: 'p1', name: 'ボンダレンコ' }],
  attributions: [{ id: 'a1', speakers: ['p1'], content: '港湾の復旧には少なくとも3年を要する', cue: 'と指摘する' }],
  dates: [{ text: '2025年6月1日', value: '2025-06-01' }],
};

export const ALL_DOCS: readonly DocSpec[] = [JA_BLACK_SEA, EN_CORRIDOR, JA_DRONES, JA_SURNAME_ONLY];

/**
 * An analyzer for the corpus that answers from the specs (by text), or with `variant` for a text when a
 * test plays an improved extractor.
 */
export function fixtureAnalyzer(specs: readonly DocSpec[], variants: Map<string, Analysis> = new Map()) {
  const byText = new Map(specs.map((s) => [s.text, s]));
  return (source: { text: string }): Analysis => {
    const v = variants.get(source.text);
    if (v) return v;
    const spec = byText.get(source.text);
    if (!spec) throw new Error('fixture analyzer: unknown text');
    return makeAnalysis(spec);
  };
}

export const sourceOf = (spec: DocSpec) => ({ source: { text: spec.text, format: 'text' as const, name: spec.name }, name: spec.name });

/** A fixed clock that ticks a second per call, so records have distinct, reproducible times. */
export function fixedClock(start = Date.UTC(2025, 6, 1, 9, 0, 0)): () => string {
  let t = start;
  return () => new Date((t += 1000)).toISOString();
}
