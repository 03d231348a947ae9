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
import { addAuthors, findPeople, type PeopleMorph } from './extract/05-find-people.ts';
import { PeopleRegistry } from './extract/people-registry.ts';
import { findAttributions, type ParagraphCarry } from './extract/06-find-attributions.ts';
import { findClaimsJaInParts } from './extract/ja/find-claims-ja.ts';
import { mergeClaims } from './extract/ja/merge-claims.ts';
import { defaultJaTokenizer } from './morph/kuromoji.ts';
import { prefetchTokenizer } from './morph/prefetch.ts';
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
  /**
   * Tokenise a long Japanese text's sentences ahead on a second thread (default true; only where the machine has
   * two cores and the analyser is the default one). The claims are the same either way.
   */
  tokenizeAhead?: boolean;
  /** Code units of text per part of claims in `analyzeInParts` (default PART_SIZE). */
  partSize?: number;
}

/**
 * @example
 * const analysis = analyze('NIDSコメンタリー 第1号 2025年1月1日 題名\n…');
 * analysis.footnotes[0]; // { n: 1, start: …, end: …, … }
 */
export function analyze(source: SourceText | string, options: AnalyzeOptions = {}): Analysis {
  const { head, claims } = analyzeInParts(source, options);
  const attributions: Analysis['attributions'] = [];
  for (;;) {
    const part = claims.next();
    if (part.done) {
      const { people, ...rest } = part.value;
      return { ...head, people, attributions, ...rest };
    }
    for (const a of part.value) attributions.push(a);
  }
}

/**
 * Japanese claims are handed out in parts of about this many code units of text: a document shorter than this
 * (most commentaries) is one part, and a long one's claims need never be held all at once.
 */
export const PART_SIZE = 1 << 14;
/**
 * Parts of a long text (LONG_TEXT code units or more): small enough that a part's drafts and claims are written and
 * dropped before V8's young generation is collected, so that they die young instead of being copied and promoted.
 * On a 10 MB claim-dense text, 2K parts against 16K: 4.4–4.7 s against 5.6–6.0 s through the CLI, 405–418 MB
 * against 453–459 MB (64K parts had cost 7% more than 16K). A part ends only between sentences, and what a
 * sentence carries to the next (a speaker, an open relay, a paragraph's carried speaker) goes on into the next
 * part; what the parts cannot share is the people found later in the text, which one part over the whole of a
 * shorter document sees.
 */
export const LONG_PART_SIZE = 1 << 11;
export const LONG_TEXT = 1 << 19;

type HeadKey = 'schemaVersion' | 'source' | 'document' | 'blocks' | 'sections' | 'sentences' | 'footnotes';

export interface AnalysisInParts {
  /** What is found before the claims, final: the metadata, the outline, the sentences and the footnote markers. */
  head: Pick<Analysis, HeadKey>;
  /**
   * The attributions in parts, final (numbered, mapped to the original text, quoted) and in the order of their
   * content, as they are found; then the rest of the analysis, whose people are the ones they name.
   */
  claims: Generator<Analysis['attributions'], Omit<Analysis, HeadKey | 'attributions'>>;
}

/** `analyze` for a writer that streams: a long document's claims are written as they come. */
export function analyzeInParts(source: SourceText | string, options: AnalyzeOptions = {}): AnalysisInParts {
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
  const pages = [...(src.hints?.pages ?? [])].sort((x, y) => x.start - y.start);
  const head = rebaseHead(norm, {
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
  }, pages);

  function* claims(): AnalysisInParts['claims'] {
    const withClaims = options.claims !== false;
    // English: cue first, people last (extract/en/); the people come from the speakers the cues find.
    // Japanese: cue first over kuromoji's tokens (extract/ja/), with the commentary pass filling what it leaves.
    const english = withClaims && language === 'en';
    const tokenizer = withClaims && !english ? options.tokenizer ?? defaultJaTokenizer() : null;
    const registry = tokenizer ? findPeople({ text, language, blocks, sentences, document, morph: peopleMorph(tokenizer) }) : addAuthors(new PeopleRegistry(text), document);
    const place = placeClaims(norm, pages);
    const speaking = new Set<string>();
    const unattributed: Analysis['unattributed'] = [];
    let count = 0;
    // Numbers, maps and quotes one part's claims, and notes who speaks in them.
    const finishPart = (part: ReturnType<typeof mergeClaims>): Analysis['attributions'] => {
      for (const a of part.attributions) {
        a.id = `a${++count}`;
        for (const id of a.speakers) speaking.add(id);
        for (const id of a.via) speaking.add(id);
        place.attribution(a);
      }
      for (const u of part.unattributed) unattributed.push(place.unattributed(u));
      return part.attributions;
    };
    if (english) {
      yield finishPart(findEnglishAttributions({ text, blocks, sentences, footnotes, registry }));
    } else if (withClaims) {
      // The commentary pass knows the constructions of footnoted commentary (a speaker carried across the
      // footnoted sentences of a paragraph): it reads documents that cite with footnote markers. On news text
      // it adds nothing the cue-first pass misses (measured on the real dev set: F1 0.894 without it, 0.892 with).
      // It reads sentences of ordinary length only: a folded block with no 。 is the cue-first pass's, which
      // cuts it at clause boundaries (the commentary pass would be quadratic there). It reads each part's
      // sentences after the cue-first pass has read them.
      // A sentence is read with the part that finishes its cue-first claims (they are merged with its own), met by a
      // cursor (the sentences are in the order of the text).
      let next = 0;
      // (A part may end inside a paragraph: its reading goes on in the next part where it stopped.)
      let carry: ParagraphCarry | null = null;
      const ahead = options.tokenizeAhead === false ? undefined : (t: string, pieces: Int32Array) => prefetchTokenizer(tokenizer!, t, pieces);
      for (const part of findClaimsJaInParts({ text, blocks, sentences, footnotes, registry, tokenizer: tokenizer!, ahead }, options.partSize ?? (text.length >= LONG_TEXT ? LONG_PART_SIZE : PART_SIZE))) {
        const own: typeof sentences = [];
        for (; next < sentences.length && sentences[next]!.start < part.settled; next++) {
          const s = sentences[next]!;
          if (footnotes.length > 0 && s.end - s.start <= 1500) own.push(s);
        }
        const commentary: ReturnType<typeof findAttributions> = own.length === 0 ? { attributions: [], unattributed: [], carry } : findAttributions({ text, language, blocks, sentences: own, footnotes, registry }, carry);
        carry = commentary.carry;
        yield finishPart(mergeClaims(part, commentary, text));
      }
    }
    return rebaseRest(norm, {
      people: finishPeople(registry, speaking),
      unattributed,
      dates: findDates(text).map((d) => ({ ...d, text: '' })),
      glossary: findGlossary(text),
      pages: pages.map((p) => ({ start: p.start, end: p.end, page: p.page })),
      messages,
    });
  }
  return { head, claims: claims() };
}

/** The people pass's questions to the analyser (kept out of the pass, which stays free of it). */
function peopleMorph(tokenizer: JaTokenizer): PeopleMorph {
  return {
    commonNouns(word) {
      const toks = tokenizer.tokenize(word);
      return toks.every((t) => t.known && t.pos === '名詞' && /^(?:一般|サ変接続|形容動詞語幹)$/.test(t.pos1)) ? toks.length : 0;
    },
    nameless(word) {
      return tokenizer.tokenize(word).every((t) => t.known && t.pos2 !== '人名');
    },
    splitsWord(s, at) {
      return tokenizer.tokenize(s).some((t) => t.start < at && at < t.end);
    },
    organization(word) {
      return tokenizer.tokenize(word).every((t) => t.known && t.pos1 === '固有名詞' && t.pos2 === '組織');
    },
    familyName(word) {
      const toks = tokenizer.tokenize(word);
      return toks.length >= 2 && toks.every((t) => t.pos2 === '人名') && toks[0]!.pos3 === '姓' && toks[toks.length - 1]!.pos3 === '名' ? toks[0]!.surface : null;
    },
  };
}

type Pages = NonNullable<NonNullable<SourceText['hints']>['pages']>;

/** The page an original offset stands on, from the adapter's pages sorted by start; null without pages. */
function pageAt(pages: Pages, offset: number): number | null {
  let found: number | null = null;
  for (const p of pages) {
    if (p.start > offset) break;
    if (offset < p.end || found === null) found = p.page;
  }
  return found;
}

/** The people list: every individual, and every collective voice that speaks; roles from what they do. */
function finishPeople(registry: PeopleRegistry, speaking: ReadonlySet<string>): Analysis['people'] {
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
 * Claims mapped to the original text in place, as `rebase` maps the rest (attributions and unattributed are
 * handed out part by part), their quotes filled and their page found.
 */
function placeClaims(norm: NormalizedText, pages: Pages): {
  attribution: (x: Analysis['attributions'][number]) => void;
  unattributed: (u: Analysis['unattributed'][number]) => Analysis['unattributed'][number];
} {
  const { place, quoted } = spanMappers(norm);
  return {
    attribution(x) {
      if (x.cue) x.cue = quoted(x.cue);
      x.content = quoted(x.content);
      if (x.parts) x.parts = x.parts.map(quoted);
      if (x.source) x.source = quoted(x.source);
      // Evidence records may be shared between merged claims: copied, not changed.
      if (!norm.identity) x.evidence = x.evidence.map((e) => (e.span ? { ...e, span: place(e.span) } : e));
      if (pages.length) x.page = pageAt(pages, x.content.start);
    },
    unattributed(u) {
      u.content = quoted(u.content);
      if (u.cue) u.cue = quoted(u.cue);
      return u;
    },
  };
}

/**
 * Relative in, absolute out, in one place (with `rebaseRest` and `placeClaims`): maps every span of a draft made
 * on the normalised text to the original text and fills each quote from the original, so that
 * `original.slice(start, end) === text`.
 *
 * Spans are mapped to fresh objects, never in place: a span object may be shared (a cue is also its evidence
 * span, merged claims share their content), and a fresh copy is mapped from the draft's own offsets however
 * often it is met, with no record of what was mapped (a million-entry set costs seconds). When normalisation
 * changed nothing, spans stay as they are and quotes only need their text.
 */
function spanMappers(norm: NormalizedText) {
  const o = norm.original;
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
  return { place, quote, quoted };
}

/** The head mapped to the original text; footnotes get the page they stand on (pages, sorted, from the adapter). */
function rebaseHead(norm: NormalizedText, a: Pick<Analysis, HeadKey>, pages: Pages): Pick<Analysis, HeadKey> {
  const o = norm.original;
  const same = norm.identity;
  const { place, quote } = spanMappers(norm);
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
  if (pages.length) for (const f of footnotes) f.page = pageAt(pages, f.start);
  return { ...a, blocks, sentences, footnotes };
}

/** What comes after the claims, mapped to the original text. */
function rebaseRest(norm: NormalizedText, a: Omit<Analysis, HeadKey | 'attributions'>): Omit<Analysis, HeadKey | 'attributions'> {
  const { place, quote, quoted } = spanMappers(norm);
  for (const p of a.people) p.mentions = p.mentions.map(quoted);
  const dates = a.dates.map(quote);
  for (const g of a.glossary) {
    g.termSpan = place(g.termSpan);
    g.glossSpan = place(g.glossSpan);
  }
  for (const m of a.messages) if (m.place) m.place = place(m.place);
  return { ...a, dates };
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
