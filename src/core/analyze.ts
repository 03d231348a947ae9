/**
 * analyze(source, options): Analysis — the pure core.
 *
 * No file system, database, clock or network: a function of the text and the options. Small passes run in
 * order on the normalised text (blocks → sentences → footnote markers → people → attributions → dates →
 * glossary); every span they report is mapped back to the original text in one place, `rebase` below.
 * Problems in the document become messages; they do not throw.
 */
import { normalizeText, type NormalizedText } from './text/normalize.ts';
import type { SourceText } from './text/source-text.ts';
import type { Span } from './text/span.ts';
import { detectLanguage } from './text/chars.ts';
import { hardWrapJoins, splitBlocks, splitLines } from './segment/01-split-blocks.ts';
import { classifyBlocks } from './segment/02-classify-blocks.ts';
import { splitSentences } from './segment/03-split-sentences.ts';
import { findFootnotes } from './extract/04-find-footnotes.ts';
import { addAuthors, findPeople } from './extract/05-find-people.ts';
import { PeopleRegistry } from './extract/people-registry.ts';
import { findAttributions } from './extract/06-find-attributions.ts';
import { findClaimsJa } from './extract/ja/find-claims-ja.ts';
import { mergeClaims } from './extract/ja/merge-claims.ts';
import { defaultJaTokenizer } from './morph/kuromoji.ts';
import type { JaTokenizer } from './morph/tokens.ts';
import { findEnglishAttributions } from './extract/en/find-attributions.ts';
import { findDates } from './extract/07-find-dates.ts';
import { findGlossary } from './extract/08-find-glossary.ts';
import { SCHEMA_VERSION, type Analysis, type Message, type SourceFormat } from './model/schema.ts';

export interface AnalyzeOptions {
  /** The format the text came in, when a plain string is passed (default 'text'). */
  format?: SourceFormat;
  /** Force the language instead of detecting it. */
  language?: 'ja' | 'en';
  /**
   * Find people and attributed claims (default true). False gives the anatomy alone — metadata, outline,
   * sentences, footnote markers, dates, glossary — at several times the speed, for a quick outline.
   */
  claims?: boolean;
  /**
   * The Japanese morphological analyser for the claims of a Japanese text. Default: kuromoji with the IPADIC
   * dictionary from its package, loaded once on first use (about a second). Not loaded for English or
   * `claims: false`.
   */
  tokenizer?: JaTokenizer;
}

/**
 * @example
 * const analysis = analyze('NIDSコメンタリー 第1号 2025年1月1日 題名\n…');
 * analysis.footnotes[0]; // { n: 1, start: …, end: …, … }
 */
export function analyze(source: SourceText | string, options: AnalyzeOptions = {}): Analysis {
  const src: SourceText = typeof source === 'string' ? { text: source, format: options.format ?? 'text' } : source;
  const messages: Message[] = [];
  // Hard-wrapped paragraphs (lines cut mid-sentence at a fixed width) are read as one line each.
  const originalLines = splitLines(src.text);
  const joins = src.format === 'text' ? hardWrapJoins(src.text, originalLines) : undefined;
  const norm = normalizeText(src.text, joins);
  const text = norm.text;
  const language = options.language ?? detectLanguage(text);

  // Normalisation keeps line breaks unless it folded hard-wrapped ones: reuse the lines when the text is the same.
  const lines = text === src.text ? originalLines : splitLines(text);
  const raw = splitBlocks(text, lines);
  const blockHints = (src.hints?.blocks ?? []).map((h) => ({ ...h, ...norm.toDerived(h) }));
  const { blocks, sections, document } = classifyBlocks(text, raw, language, blockHints);
  const sentences = splitSentences(text, blocks);
  const footnotes = src.hints?.footnotes?.length
    ? footnotesFromHints(src, norm, sentences)
    : findFootnotes(text, src.text, norm.toOriginalIndex, blocks, sentences);
  if (text.trim().length === 0) messages.push({ reason: 'the document has no text', ruleId: 'empty', fatal: false });
  const withClaims = options.claims !== false;
  // English: cue first, people last (extract/en/); the people come from the speakers the cues find.
  // Japanese: cue first over kuromoji's tokens (extract/ja/), with the commentary pass filling what it leaves.
  const english = withClaims && language === 'en';
  const registry = withClaims && !english ? findPeople({ text, language, blocks, sentences, document }) : addAuthors(new PeopleRegistry(text), document);
  const { attributions, unattributed } = !withClaims
    ? { attributions: [], unattributed: [] }
    : english
      ? findEnglishAttributions({ text, blocks, sentences, footnotes, registry })
      : mergeClaims(
        findClaimsJa({ text, blocks, sentences, footnotes, registry, tokenizer: options.tokenizer ?? defaultJaTokenizer() }),
        // The commentary pass reads sentences of ordinary length only: a folded block with no 。 is the
        // cue-first pass's, which cuts it at clause boundaries (the commentary pass would be quadratic there).
        findAttributions({ text, language, blocks, sentences: sentences.filter((s) => s.end - s.start <= 1500), footnotes, registry }),
        text,
      );
  const people = finishPeople(registry, attributions);
  const dates = findDates(text);
  const glossary = findGlossary(text);

  const analysis = rebase(norm, {
    schemaVersion: SCHEMA_VERSION,
    source: { length: src.text.length, format: src.format },
    document: {
      title: document.title,
      subtitle: document.subtitle,
      series: document.series,
      number: document.number,
      date: document.date,
      language,
      authors: document.authors.map(({ name, organization, title }) => ({ name, organization, title })),
    },
    blocks: blocks.map((b) => ({ start: b.start, end: b.end, kind: b.kind, section: b.section })),
    sections,
    sentences,
    footnotes: footnotes.map((f) => ({ ...f, note: f.note ? { ...f.note, text: '' } : null, page: null })),
    people,
    attributions,
    unattributed,
    dates: dates.map((d) => ({ ...d, text: '' })),
    glossary,
    pages: [],
    messages,
  });
  return withPages(analysis, src.hints?.pages ?? []);
}

/** Gives footnotes and attributions the page they stand on (original offsets; pages come from the adapter). */
function withPages(a: Analysis, pages: NonNullable<NonNullable<SourceText['hints']>['pages']>): Analysis {
  if (!pages.length) return a;
  const sorted = [...pages].sort((x, y) => x.start - y.start);
  const pageAt = (offset: number): number | null => {
    let found: number | null = null;
    for (const p of sorted) {
      if (p.start > offset) break;
      if (offset < p.end || found === null) found = p.page;
    }
    return found;
  };
  return {
    ...a,
    pages: sorted.map((p) => ({ start: p.start, end: p.end, page: p.page })),
    footnotes: a.footnotes.map((f) => ({ ...f, page: pageAt(f.start) })),
    attributions: a.attributions.map((x) => ({ ...x, page: pageAt(x.content.start) })),
  };
}


/** The people list: every individual, and every collective voice that speaks; roles from what they do. */
function finishPeople(registry: PeopleRegistry, attributions: Analysis['attributions']): Analysis['people'] {
  const speaking = new Set<string>();
  for (const a of attributions) for (const id of [...a.speakers, ...a.via]) speaking.add(id);
  return registry.people
    .filter((p) => p.type === 'person' || speaking.has(p.id))
    .map((p) => ({
      id: p.id,
      type: p.type,
      role: p.role === 'author' ? 'author' : speaking.has(p.id) ? 'speaker' : 'mentioned',
      name: p.name,
      aliases: [...p.aliases].filter((a) => a !== p.name && a !== p.latin),
      latin: p.latin,
      organization: p.organization,
      title: p.title,
      mentions: p.mentions.map((m) => ({ start: m.start, end: m.end, text: '' })).sort((a, b) => a.start - b.start),
    }));
}

function footnotesFromHints(src: SourceText, norm: NormalizedText, sentences: ReturnType<typeof splitSentences>) {
  return (src.hints?.footnotes ?? []).map((h) => {
    const span = norm.toDerived(h);
    const at = sentences.findIndex((s) => s.start <= span.start && span.start <= s.end);
    return {
      n: h.n,
      start: span.start,
      end: span.end,
      style: 'superscript' as const,
      sentence: at >= 0 ? at : null,
      note: h.note ? norm.toDerived(h.note) : null,
    };
  });
}

/**
 * Relative in, absolute out, in one place: maps every span of a draft made on the normalised text to the
 * original text and fills each quote from the original, so that `original.slice(start, end) === text`.
 */
function rebase(norm: NormalizedText, a: Analysis): Analysis {
  const o = norm.original;
  // Spans are mapped to fresh objects, never in place: a span object may be shared (a cue is also its
  // evidence span, merged claims share their content), and a fresh copy is mapped from the draft's own
  // offsets however often it is met, with no record of what was mapped (a million-entry set costs seconds).
  // When normalisation changed nothing, spans stay as they are and quotes only need their text.
  const same = norm.identity;
  const place = <T extends Span>(s: T): T => {
    if (same) return s;
    const r = norm.toOriginal(s);
    return { ...s, start: r.start, end: r.end };
  };
  const quote = <T extends Span & { text: string }>(s: T): T => {
    const r = place(s);
    r.text = o.slice(r.start, r.end);
    return r;
  };
  // A quoted span with nothing else (cues, contents, mentions): built with its shape known, the hot case.
  const quoted = (s: Span): Span & { text: string } => {
    const r = same ? s : norm.toOriginal(s);
    return { start: r.start, end: r.end, text: o.slice(r.start, r.end) };
  };
  const { sentences, sentenceIndex } = mapSentences(a.sentences, norm);
  const blocks = a.blocks.map(place);
  for (const s of a.sections) {
    const h = same ? { start: s.start, end: s.headingEnd } : norm.toOriginal({ start: s.start, end: s.headingEnd });
    const e = same ? { start: s.start, end: s.end } : norm.toOriginal({ start: s.start, end: s.end });
    s.start = h.start;
    s.headingEnd = h.end;
    s.end = e.end;
    s.heading = o.slice(h.start, h.end).replace(/^#{1,6}\s+/, '').trim();
  }
  const footnotes = a.footnotes.map((f) => ({
    ...place(f),
    sentence: f.sentence === null ? null : sentenceIndex(f.sentence),
    note: f.note ? quote(f.note) : null,
  }));
  for (const p of a.people) p.mentions = p.mentions.map(quoted);
  for (const x of a.attributions) {
    if (x.cue) x.cue = quoted(x.cue);
    x.content = quoted(x.content);
    if (x.parts) x.parts = x.parts.map(quoted);
    if (x.source) x.source = quoted(x.source);
    // Evidence records may be shared between merged claims: copied, not changed.
    if (!same) x.evidence = x.evidence.map((e) => (e.span ? { ...e, span: place(e.span) } : e));
  }
  for (const u of a.unattributed) {
    u.content = quoted(u.content);
    if (u.cue) u.cue = quoted(u.cue);
  }
  const dates = a.dates.map(quote);
  for (const g of a.glossary) {
    g.termSpan = place(g.termSpan);
    g.glossSpan = place(g.glossSpan);
  }
  for (const m of a.messages) if (m.place) m.place = place(m.place);
  return { ...a, blocks, sentences, footnotes, dates };
}

/**
 * Sentences mapped to the original text. A split inside one normalisation group (！ and the voiced mark
 * after it, which NFKC keeps apart) would map both halves to the whole group, so such neighbours merge:
 * the sentences of a block still tile it. Returns the old index → new index map for the footnotes.
 */
function mapSentences(draft: Analysis['sentences'], norm: NormalizedText): { sentences: Analysis['sentences']; sentenceIndex: (i: number) => number } {
  if (norm.identity) return { sentences: draft, sentenceIndex: (i) => i };
  const sentences: Analysis['sentences'] = [];
  const index = new Int32Array(draft.length);
  draft.forEach((s, i) => {
    const r = norm.toOriginal(s);
    const last = sentences[sentences.length - 1];
    if (last && last.block === s.block && r.start < last.end) {
      sentences[sentences.length - 1] = { ...last, end: Math.max(last.end, r.end) };
    } else {
      sentences.push({ start: r.start, end: r.end, block: s.block });
    }
    index[i] = sentences.length - 1;
  });
  return { sentences, sentenceIndex: (i) => index[i]! };
}
