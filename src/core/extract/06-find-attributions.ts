/**
 * Pass 6: who said what. Every attributed claim with its speakers, cue, content, footnotes, how the speaker
 * is given, hedges, a confidence and the evidence (which rule fired on which span).
 *
 * Works sentence by sentence inside a paragraph, on a "mask" of the sentence in which the inside of every
 * top-level quotation 「…」 is blanked out and footnote digits are replaced by '#', so that cue patterns only
 * match the author's own text, never words inside a quotation. Rules, in order:
 *
 *  A. a cue before the content: Xによれば / Xによると / Xの解釈によれば / Xが指摘するように / Xからは;
 *  B. the speaker after the content: …と X は 指摘する;
 *  C. a topic speaker: X は … と指摘する / を示唆している / との認識を示す (and mid-sentence quote cues
 *     such as 「…」としながら);
 *  D. an opinion noun: …という X の意見もある, 「…」とする X の見方がある;
 *  E. an elided subject: (さらに)「…」と指摘する, with the speaker carried from earlier in the paragraph;
 *  F. carried-over claims: later sentences of the paragraph that cite a footnote (or quote with one) keep
 *     the last speaker until another source or the author's own voice (…と捉えることができる, …が窺える)
 *     takes over.
 * Nested speech (a speaker quoting or reporting another) is found inside the content of A–D and gets `via`.
 * Passive and generic sources (…と考えられている, ある世論調査では) become unattributed statements; a
 * generic source is never replaced by a named person.
 */
import type { Attribution, Unattributed } from '../model/schema.ts';
import type { Span } from '../text/span.ts';
import type { ClassifiedBlock } from '../segment/02-classify-blocks.ts';
import type { DraftSentence } from '../segment/03-split-sentences.ts';
import type { DraftFootnote } from './04-find-footnotes.ts';
import type { DraftPerson, PeopleRegistry } from './people-registry.ts';
import { speakerEndingAt, type SpeakerPhrase } from './speakers.ts';
import { claimFootnotes, footnotesIn } from './claim-footnotes.ts';
import {
  EN_AUTHOR_VOICE, EN_PASSIVE, EN_VERBS, HEDGES, JA_AUTHOR_VOICE, JA_BEFORE_CUE, JA_CITING_ACTION, JA_CONNECTIVE, JA_FINAL_VERB,
  JA_GENERIC_SOURCE, JA_HEARSAY, JA_OPINION_NOUN, JA_PASSIVE, JA_SOURCE_FRAME,
} from './cues.ts';

export interface AttributionInput {
  text: string;
  language: 'ja' | 'en';
  blocks: readonly ClassifiedBlock[];
  sentences: readonly DraftSentence[];
  footnotes: readonly DraftFootnote[];
  registry: PeopleRegistry;
}

type Kind = Attribution['kind'];
type MentionHow = Attribution['mention'];

interface Draft {
  speakers: DraftPerson[];
  via: DraftPerson[];
  kind: Kind;
  cue: Span | null;
  content: Span;
  source: Span | null;
  mention: MentionHow;
  /** Footnote markers that stand right after the cue (…と指摘する6。) and so source this claim. */
  cueMarkers?: number[];
  evidence: { rule: string; span?: Span; note?: string }[];
}

interface View {
  start: number;
  end: number;
  /** The sentence with top-level quotation contents blanked ('＿') and footnote digits as '#'. */
  mask: string;
  /** Top-level quotations: the opening and closing bracket positions. */
  quotes: { open: number; close: number }[];
  markers: DraftFootnote[];
  /** End of the sentence's text before its final 。 and footnote digits. */
  coreEnd: number;
}

/** The author's framing at the start of a sentence: what follows is the author's, whatever the verb. */
const AUTHOR_FRAME = /^(?:[^、。]{0,6})(?:本稿では|本稿は|本論では|筆者は|筆者としては|以下では|以下、|ここでは)/;

const QUOTE_PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”' };
const BLANK = '＿';

/**
 * Where a paragraph's reading stood at the end of a call: the speaker carried into its next sentence, and whether
 * a speaker label took the whole paragraph. A long document is read part by part (analyzeInParts), and a part may
 * end inside a paragraph: the next call goes on from here, as one call over the whole paragraph would.
 */
export interface ParagraphCarry {
  block: number;
  current: SpeakerPhrase | null;
  labelled: boolean;
}

export function findAttributions(input: AttributionInput, carry: ParagraphCarry | null = null): { attributions: Attribution[]; unattributed: Unattributed[]; carry: ParagraphCarry | null } {
  const { text, blocks, sentences, footnotes, registry } = input;
  const drafts: Draft[] = [];
  const unattributed: { content: Span; cue: Span | null; footnotes: number[]; reason: string }[] = [];
  const byBlock = new Map<number, DraftSentence[]>();
  for (const s of sentences) {
    const list = byBlock.get(s.block) ?? [];
    list.push(s);
    byBlock.set(s.block, list);
  }
  const markersIn = (s: number, e: number) => footnotesIn(footnotes, s, e);
  let last: ParagraphCarry | null = null;
  for (const [blockIndex, list] of byBlock) {
    const block = blocks[blockIndex]!;
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    const goesOn = carry?.block === blockIndex ? carry : null;
    // (A paragraph a label took whole was claimed whole when its first sentences were read.)
    if (goesOn?.labelled) {
      last = goesOn;
      continue;
    }
    let current: SpeakerPhrase | null = goesOn ? goesOn.current : null;
    // An interview's speaker label (ソコロフ: …, Sokolov: …): the whole answer is the speaker's.
    const label = goesOn ? null : speakerLabel(text, block, registry);
    if (label) {
      last = { block: blockIndex, current: null, labelled: true };
      const body = { start: label.contentStart, end: block.end };
      const c = { start: body.start, end: body.end };
      while (c.end > c.start && /[\s。.]/.test(text[c.end - 1]!)) c.end--;
      if (c.end - c.start >= 2) drafts.push(draft(label.speaker, c, 'quote', label.cue, 'explicit', 'interview-label'));
      continue;
    }
    for (const sentence of list) {
      // Two speakers in one sentence (Aは…と指摘する一方、Bは…と反論する): each clause on its own.
      for (const s of input.language === 'ja' ? splitContrastingClauses(text, sentence, markersIn(sentence.start, sentence.end), registry) : [sentence]) {
        const view = makeView(text, s, markersIn(s.start, s.end));
        const ctx: SentenceContext = { text, view, registry, floor: block.contentStart, current };
        const result = input.language === 'ja' ? analyzeJapanese(ctx) : analyzeEnglish(ctx);
        drafts.push(...result.drafts);
        for (const u of result.unattributed) unattributed.push({ ...u, footnotes: markersIn(u.content.start, s.end).map((f) => f.n) });
        if (result.next !== undefined) current = result.next;
      }
    }
    last = { block: blockIndex, current, labelled: false };
  }
  const byStart = new Map(footnotes.map((f) => [f.start, f]));
  return {
    attributions: drafts.map((d, i) => finish(text, footnotes, byStart, d, i)),
    unattributed: unattributed.map((u) => ({ ...u, content: { ...u.content, text: '' }, cue: u.cue ? { ...u.cue, text: '' } : null })),
    carry: last,
  };
}

/** "Name: answer" at the start of a paragraph, where Name is someone the document names. */
function speakerLabel(text: string, block: ClassifiedBlock, registry: PeopleRegistry): { speaker: SpeakerPhrase; cue: Span; contentStart: number } | null {
  const m = /^([^:：\s、。]{1,40}?)\s*[:：]\s*/.exec(text.slice(block.contentStart, Math.min(block.end, block.contentStart + 48)));
  if (!m || block.contentStart + m[0].length >= block.end) return null;
  const nameEnd = block.contentStart + m[1]!.length;
  const speaker = speakerEndingAt(text, nameEnd, block.contentStart, registry, false);
  if (!speaker || speaker.start !== block.contentStart) return null;
  return { speaker, cue: { start: nameEnd, end: block.contentStart + m[0].trimEnd().length }, contentStart: block.contentStart + m[0].length };
}

/** …と指摘する一方(で)、 / …と述べたが、 followed by another speaker's topic: where the second clause begins. */
const CONTRAST = /と(?:[^、。]{0,12}?)(?:する|した|している|していた|述べる|述べた|語る|語った|みる|みている|見る|見ている)((?:一方(?:で)?|が|のに対し(?:て)?)[、,])/g;

function splitContrastingClauses(text: string, s: DraftSentence, markers: DraftFootnote[], registry: PeopleRegistry): DraftSentence[] {
  const raw = text.slice(s.start, s.end);
  if (!raw.includes('一方') && !raw.includes('が、') && !raw.includes('に対し')) return [s];
  CONTRAST.lastIndex = 0;
  if (!CONTRAST.test(raw)) return [s];
  const view = makeView(text, s, markers);
  const parts: DraftSentence[] = [];
  let from = s.start;
  CONTRAST.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CONTRAST.exec(view.mask));) {
    const cut = s.start + m.index + m[0].length;
    // Only when the next clause opens with a speaker of its own (…、Bは); otherwise it is one claim.
    const topic = /^[^、。「」]{1,40}?(?:は|も)[、,]?/.exec(view.mask.slice(cut - s.start));
    if (!topic) continue;
    const at = cut + topic[0].replace(/[、,]$/, '').length - 1;
    if (!speakerEndingAt(text, at, cut, registry)) continue;
    // The first clause ends before its connector (…と指摘する|一方、), so its cue stands at its end.
    parts.push({ start: from, end: cut - m[1]!.length, block: s.block });
    from = cut;
  }
  if (!parts.length) return [s];
  parts.push({ start: from, end: s.end, block: s.block });
  return parts;
}

interface SentenceContext {
  text: string;
  view: View;
  registry: PeopleRegistry;
  floor: number;
  current: SpeakerPhrase | null;
}

interface SentenceResult {
  drafts: Draft[];
  unattributed: { content: Span; cue: Span | null; reason: string }[];
  /** The speaker later sentences carry over: a phrase, null to stop carrying, undefined to leave as is. */
  next: SpeakerPhrase | null | undefined;
}

function makeView(text: string, s: DraftSentence, markers: DraftFootnote[]): View {
  const body = text.slice(s.start, s.end);
  const quotes: View['quotes'] = [];
  // Top-level quotations, matched with a stack so an unmatched bracket blanks nothing.
  const stack: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    // 「 」 『 』 “ ” and straight " only: skip everything else fast.
    if (c !== 0x300c && c !== 0x300d && c !== 0x300e && c !== 0x300f && c !== 0x201c && c !== 0x201d && c !== 0x22) continue;
    const ch = body[i]!;
    if (ch === '"') {
      // A straight quote closes the one open at the top of the stack, or opens one.
      if (stack.length && body[stack[stack.length - 1]!] === '"') {
        const open = stack.pop()!;
        if (stack.length === 0) quotes.push({ open: s.start + open, close: s.start + i });
      } else stack.push(i);
      continue;
    }
    if (QUOTE_PAIRS[ch]) stack.push(i);
    else if (stack.length && QUOTE_PAIRS[body[stack[stack.length - 1]!]!] === ch) {
      const open = stack.pop()!;
      if (stack.length === 0) quotes.push({ open: s.start + open, close: s.start + i });
    }
  }
  // Replace quotation insides and marker digits, left to right, by slices.
  const cuts: { start: number; end: number; ch: string }[] = [
    ...quotes.map((q) => ({ start: q.open + 1 - s.start, end: q.close - s.start, ch: BLANK })),
    ...markers.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => ({ start: m.start - s.start, end: m.end - s.start, ch: '#' })),
  ].sort((a, b) => a.start - b.start);
  let mask = '';
  let from = 0;
  for (const c of cuts) {
    if (c.start < from) continue;
    mask += body.slice(from, c.start) + c.ch.repeat(c.end - c.start);
    from = c.end;
  }
  mask += body.slice(from);
  let coreEnd = s.end;
  for (let pass = 0; pass < 2; pass++) {
    for (;;) {
      const ch = mask[coreEnd - 1 - s.start];
      if (coreEnd > s.start && ch !== undefined && /[。．.!！?？\s#]/.test(ch)) coreEnd--;
      else break;
    }
    // An author-year citation closing the sentence ((Borodin 2024, p. 12), (2023)) stands apart, like a marker.
    const cite = /[(（][^()（）]{0,60}\d{4}[^()（）]{0,30}[)）]$/.exec(mask.slice(0, coreEnd - s.start));
    if (!cite) break;
    coreEnd = s.start + cite.index;
  }
  return { start: s.start, end: s.end, mask, quotes, markers, coreEnd };
}

// ------------------------------------------------------------------------------------------- Japanese

/**
 * End-anchored patterns only need the end of a sentence; V8 would otherwise try them at every position.
 * 64 code units hold the longest cue with its speaker (…とロシア科学アカデミーの識者は指摘する).
 */
const TAIL = 64;
const tailOf = (s: string) => (s.length > TAIL ? s.slice(-TAIL) : s);
function execTail(re: RegExp, s: string): RegExpExecArray | null {
  const t = tailOf(s);
  const m = re.exec(t);
  if (m) m.index += s.length - t.length;
  return m;
}

const at = (v: View, abs: number) => v.mask[abs - v.start] ?? '';
const maskSlice = (v: View, s: number, e: number) => v.mask.slice(s - v.start, e - v.start);

function analyzeJapanese(ctx: SentenceContext): SentenceResult {
  const { text, view: v } = ctx;
  const out: SentenceResult = { drafts: [], unattributed: [], next: undefined };
  const core = maskSlice(v, v.start, v.coreEnd);
  const authorVoice = JA_AUTHOR_VOICE.test(tailOf(core)) || AUTHOR_FRAME.test(v.mask);
  const final = findFinalCue(ctx);

  // A. Cues before the content; the first with a speaker is the outer one.
  const before = findBeforeCues(ctx);
  if (before.length) {
    const outer = before[0]!;
    if (outer.cueText.startsWith('からは')) return fromKaraWa(ctx, outer);
    let contentEnd = v.coreEnd;
    let agreeing: SpeakerPhrase | null = null;
    let finalCue: Span | null = null;
    if (final && final.speaker && !final.afterTo) {
      // …、この件についてはXも同様に指摘する: another voice agrees; the content ends before its clause.
      const comma = v.mask.lastIndexOf('、', final.speaker.start - v.start);
      if (comma > outer.cueEnd - v.start) { contentEnd = v.start + comma; agreeing = final.speaker; }
    } else if (final && final.speaker && final.afterTo) {
      finalCue = final.cue;
    } else if (final) {
      contentEnd = final.cue.start;
      finalCue = final.cue;
    }
    const content = contentSpan(text, v, outer.cueEnd, contentEnd);
    if (content) {
      const d = draft(outer.speaker, content.span, content.quote ? 'quote' : 'according_to', outer.cue, 'explicit', 'before-cue', finalCue && !final?.speaker ? final!.markers : undefined);
      out.drafts.push(d);
      // Nested: another before-cue inside the content (Xによれば、…Yによると、…).
      for (const inner of before.slice(1)) {
        if (inner.cueEnd > content.span.end) continue;
        const c = contentSpan(text, v, inner.cueEnd, content.span.end);
        if (c) out.drafts.push({ ...draft(inner.speaker, c.span, c.quote ? 'quote' : 'according_to', inner.cue, 'explicit', 'nested-before-cue', d.cueMarkers), via: outer.speaker.people });
      }
      if (final?.speaker && final.afterTo) {
        const c = contentSpan(text, v, content.span.start, final.cue.start);
        if (c) out.drafts.push({ ...draft(final.speaker, c.span, 'reported', final.cue, 'explicit', 'nested-speaker-after', final.markers), via: outer.speaker.people });
      }
      out.drafts.push(...nestedQuotes(ctx, content.span, outer.speaker.people));
      if (agreeing) {
        const lastComma = v.mask.lastIndexOf('、', content.span.end - v.start - 1);
        const c = contentSpan(text, v, lastComma > content.span.start - v.start ? v.start + lastComma + 1 : content.span.start, content.span.end);
        if (c) out.drafts.push(draft(agreeing, c.span, 'reported', final!.cue, 'explicit', 'agreeing-voice'));
      }
    }
    out.next = agreeing ?? outer.speaker;
    return out;
  }

  // D. Opinion nouns: …という X の意見もある / 「…」とする X の見方がある.
  const opinion = findOpinion(ctx);
  if (opinion) {
    const start = clauseStart(text, v, v.start);
    const c = contentSpan(text, v, start, opinion.contentEnd);
    if (c) out.drafts.push(draft(opinion.speaker, c.span, c.quote ? 'quote' : 'reported', opinion.cue, 'explicit', 'opinion-noun'));
    // The author goes on after it (…見方があるが、…は不明である): do not carry it.
    out.next = opinion.cue.end >= v.coreEnd - 1 ? opinion.speaker : null;
    return out;
  }

  const topic = findTopic(ctx);
  if (final) {
    // B. Speaker after the content.
    if (final.speaker && final.afterTo) {
      const start = clauseStart(text, v, v.start);
      const c = contentSpan(text, v, start, final.cue.start);
      if (c) {
        const d = draft(final.speaker, c.span, c.quote ? 'quote' : 'reported', final.cue, 'explicit', 'speaker-after', final.markers);
        out.drafts.push(d, ...nestedQuotes(ctx, c.span, final.speaker.people));
      }
      out.next = final.speaker;
      return out;
    }
    // C. Topic speaker, or E. elided subject carried from earlier: only a quotative cue (…と指摘する, not
    // …を考える) carries a speaker over, and never in the author's framing (本稿では…).
    const quotative = /^(?:と|との|という|とする)/.test(text.slice(final.cue.start, final.cue.start + 3));
    const speaker = topic ?? (final.speaker || !quotative || AUTHOR_FRAME.test(v.mask) ? null : ctx.current);
    if (speaker) {
      let start = topic ? clauseStart(text, v, topic.end) : clauseStart(text, v, v.start);
      start = skipFrames(text, v, start);
      const region = { start, end: final.cue.start };
      // …との報告書を公表した: the content is what the report says, before との.
      const framed = /との(?:報告書|報告|声明|見解|分析|見方|立場|結論|文書|談話)$/.exec(maskSlice(v, start, region.end));
      if (framed) region.end -= framed[0].length;
      // A citation before the speaker's own point (…を引用し、): the point starts after it.
      let cite: RegExpExecArray | null = null;
      const re = new RegExp(JA_CITING_ACTION.source, 'g');
      for (let m: RegExpExecArray | null; (m = re.exec(maskSlice(v, region.start, region.end)));) cite = m;
      // A quotation with a cue of its own before the final one (「…」と述べ、派遣を否定した): the final
      // cue's content starts after it.
      const earlier = quoteCues(ctx, speaker, region, topic ? 'explicit' : 'elided');
      const lastEarlier = earlier.length ? earlier[earlier.length - 1]!.cue!.end : -1;
      let pointStart = Math.max(cite ? region.start + cite.index + cite[0].length : region.start, lastEarlier);
      // Two claims in one sentence: Xは、Aと述べ、Bと付け加えた. The first ends at its own cue.
      const chained = [...maskSlice(v, pointStart, region.end).matchAll(CHAINED_CUE)].pop();
      if (chained && chained.index! > 1) {
        const cueStart = pointStart + chained.index!;
        const first = contentSpan(text, v, pointStart, cueStart);
        if (first) earlier.push(draft(speaker, first.span, first.quote ? 'quote' : 'reported', { start: cueStart, end: cueStart + chained[0].replace(/[、,]$/, '').length }, topic ? 'explicit' : 'elided', 'chained-cue'));
        pointStart = cueStart + chained[0].length;
      }
      const c = contentSpan(text, v, pointStart, region.end);
      const how: MentionHow = topic ? 'explicit' : 'elided';
      if (c) {
        out.drafts.push(draft(speaker, c.span, c.quote ? 'quote' : 'reported', final.cue, how, topic ? 'topic-speaker' : 'elided-subject', final.markers));
        out.drafts.push(...nestedQuotes(ctx, { start: region.start, end: region.end }, speaker.people, c.span));
      }
      out.drafts.push(...earlier);
      out.next = speaker;
      return out;
    }
  }

  // Mid-sentence quote cues with a topic (Xは、「…」としながら、…).
  if (topic) {
    const q = quoteCues(ctx, topic, { start: topic.end, end: v.coreEnd }, 'explicit');
    if (q.length) {
      out.drafts.push(...q);
      out.next = topic;
      return out;
    }
  }

  // Passive and generic sources: unattributed, and they end any carried speaker.
  const passive = execTail(JA_PASSIVE, core);
  const generic = JA_GENERIC_SOURCE.exec(v.mask);
  if (passive || generic) {
    const start = generic ? v.start + generic.index + generic[0].length : clauseStart(text, v, v.start);
    const end = passive ? v.start + passive.index : v.coreEnd;
    const c = contentSpan(text, v, start, end);
    if (c) out.unattributed.push({ content: c.span, cue: passive ? { start: v.start + passive.index, end: v.start + passive.index + passive[0].length } : generic ? { start: v.start + generic.index, end: v.start + generic.index + generic[0].length } : null, reason: passive ? 'passive: names no source' : 'generic source' });
    out.next = null;
    return out;
  }

  // F. Carried over from earlier in the paragraph.
  const speech = v.quotes.filter((q) => isSpeech(text, q) && followedByMarker(v, q.close + 1));
  if (ctx.current) {
    if (speech.length) {
      for (const q of speech) {
        out.drafts.push(draft(ctx.current, { start: q.open + 1, end: q.close }, 'quote', null, 'context', 'carried-quote', undefined, 0.6));
      }
      if (authorVoice) out.next = null;
      return out;
    }
    if (v.markers.length && !authorVoice) {
      const start = clauseStart(text, v, v.start, true);
      const hearsay = execTail(JA_HEARSAY, core);
      const end = hearsay ? v.start + hearsay.index : v.coreEnd;
      const longQuotes = v.quotes.filter((q) => isSpeech(text, q) && q.close - q.open > 12);
      if (longQuotes.length === 1 && !hearsay) {
        const q = longQuotes[0]!;
        out.drafts.push(draft(ctx.current, { start: q.open + 1, end: q.close }, 'quote', null, 'context', 'carried-quote', undefined, 0.6));
      } else {
        const c = contentSpan(text, v, start, end);
        if (c) out.drafts.push(draft(ctx.current, c.span, 'reported', hearsay ? { start: end, end: end + hearsay[0].length } : null, 'context', hearsay ? 'hearsay-ending' : 'carried-footnote', undefined, 0.55));
      }
      return out;
    }
    if (authorVoice) out.next = null;
  }
  // A sentence that cites a footnote but names no source.
  if (v.markers.length && !ctx.current) {
    const c = contentSpan(text, v, clauseStart(text, v, v.start), v.coreEnd);
    if (c) out.unattributed.push({ content: c.span, cue: null, reason: authorVoice ? "the author's inference, citing a source" : 'cites a source but names none' });
  }
  return out;
}

/** Xからは、「…」…への言及や47、また…とする見解もある48: each claim of the sentence to X. */
function fromKaraWa(ctx: SentenceContext, outer: BeforeCue): SentenceResult {
  const { text, view: v } = ctx;
  const out: SentenceResult = { drafts: [], unattributed: [], next: outer.speaker };
  for (const q of v.quotes) {
    if (q.open < outer.cueEnd || !isSpeech(text, q)) continue;
    out.drafts.push(draft(outer.speaker, { start: q.open + 1, end: q.close }, 'quote', outer.cue, 'explicit', 'kara-wa-quote'));
  }
  const re = /(?:と|という|とする|との)(?:見解|意見|声|見方|指摘|主張|分析)(?:も|が)(?:ある|あった|出ている|聞かれる|示されている)/g;
  for (let m: RegExpExecArray | null; (m = re.exec(maskSlice(v, outer.cueEnd, v.coreEnd)));) {
    const cueStart = outer.cueEnd + m.index;
    // The claim starts after the previous one ended (a footnote followed by 、) or after the cue.
    const region = maskSlice(v, outer.cueEnd, cueStart);
    const boundary = Math.max(region.lastIndexOf('#、'), region.lastIndexOf('#,'));
    const start = boundary >= 0 ? outer.cueEnd + boundary + 2 : outer.cueEnd;
    const c = contentSpan(text, v, clauseStart(text, v, start), cueStart);
    if (c) out.drafts.push(draft(outer.speaker, c.span, 'reported', { start: cueStart, end: cueStart + m[0].length }, 'explicit', 'kara-wa-opinion'));
  }
  if (!out.drafts.length) {
    const c = contentSpan(text, v, outer.cueEnd, v.coreEnd);
    if (c) out.drafts.push(draft(outer.speaker, c.span, c.quote ? 'quote' : 'reported', outer.cue, 'explicit', 'kara-wa'));
  }
  return out;
}

interface BeforeCue {
  speaker: SpeakerPhrase;
  cue: Span;
  cueText: string;
  cueEnd: number;
}

function findBeforeCues(ctx: SentenceContext): BeforeCue[] {
  const { text, view: v, registry } = ctx;
  const found: BeforeCue[] = [];
  // Cheap native checks first: most sentences hold none of these cues.
  const m0 = v.mask;
  if (!m0.includes('によ') && !m0.includes('ように') && !m0.includes('では') && !m0.includes('からは') && !m0.includes('とおり') && !m0.includes('通り') && !m0.includes('どおり') && !m0.includes('言わせ') && !m0.includes('曰く') && !m0.includes('いわく')) return found;
  const re = new RegExp(JA_BEFORE_CUE.source, 'g');
  for (let m: RegExpExecArray | null; (m = re.exec(v.mask));) {
    const cueStart = v.start + m.index;
    const speaker = speakerEndingAt(text, cueStart, Math.max(ctx.floor, v.start), registry);
    if (!speaker) continue;
    // からは only introduces a speaker at the start of the sentence (not …北朝鮮からは…).
    if (m[0].startsWith('からは') && !/^\s*$/.test(maskSlice(v, clauseStart(text, v, v.start), speaker.start))) continue;
    found.push({ speaker, cue: { start: cueStart, end: cueStart + m[0].replace(/[、,]$/, '').length }, cueText: m[0], cueEnd: cueStart + m[0].length });
  }
  return found;
}

interface FinalCue {
  cue: Span;
  /** The speaker named right before the verb (…とXは指摘する, Xも同様に指摘する). */
  speaker: SpeakerPhrase | null;
  /** Whether the speaker stands between と and the verb (…とXは指摘する). */
  afterTo: boolean;
  markers: number[];
}

/**
 * A reporting verb at the end of a sentence. It always follows a particle (と, を, は, も, が), a comma or a
 * verb ending (…深める考えを示した); the lookbehind lets the engine skip every other position cheaply.
 */
const FINAL_RE = new RegExp(`(?<=[とをはもが、,るたいだうしの])(${JA_FINAL_VERB.source})(?:のである|のだ|という)?$`);

function findFinalCue(ctx: SentenceContext): FinalCue | null {
  const { text, view: v, registry } = ctx;
  const core = maskSlice(v, v.start, v.coreEnd);
  const m = execTail(FINAL_RE, core);
  if (!m) return null;
  const verbStart = v.start + m.index;
  const markers = v.markers.filter((f) => f.start >= v.coreEnd).map((f) => f.n);
  // …とXは指摘する / Xも同様に指摘する
  const particle = /(は|も|が)[、,]?$/.exec(maskSlice(v, Math.max(v.start, verbStart - 3), verbStart));
  if (particle) {
    const pAt = verbStart - particle[0].length;
    const speaker = speakerEndingAt(text, pAt, Math.max(ctx.floor, v.start), registry);
    if (speaker) {
      const before = maskSlice(v, Math.max(v.start, speaker.start - 4), speaker.start);
      const to = /(?:と|との|という|とする)[、,]?$/.exec(before);
      if (to) return { cue: { start: speaker.start - to[0].length, end: v.coreEnd }, speaker, afterTo: true, markers };
      return { cue: { start: verbStart, end: v.coreEnd }, speaker, afterTo: false, markers };
    }
  }
  const lead = /(?:との|という|とする|と|を)[、,]?$/.exec(maskSlice(v, Math.max(v.start, verbStart - 4), verbStart));
  if (!lead) {
    // A clause modifying the noun of the cue: …協力を深める考えを示した, …撤退する方針を明らかにした.
    // The clause must end like a verb or a copula (…深める, …しない), not an adjective (強い懸念を表明した).
    if (/^(?:考え|意向|方針|見方|認識|見解|立場|懸念|期待|意欲|見通し)を/.test(m[1]!) && /(?:[るたうだ]|ない)$/.test(maskSlice(v, verbStart - 2, verbStart))) {
      return { cue: { start: verbStart, end: v.coreEnd }, speaker: null, afterTo: false, markers };
    }
    return null;
  }
  return { cue: { start: verbStart - lead[0].length, end: v.coreEnd }, speaker: null, afterTo: false, markers };
}

/** X は (、) at the start of the sentence: the speaker of a later cue. */
function findTopic(ctx: SentenceContext): (SpeakerPhrase & { end: number }) | null {
  const { text, view: v, registry } = ctx;
  const re = /(?:は|も)[、,]?/g;
  for (let m: RegExpExecArray | null; (m = re.exec(v.mask));) {
    const pAt = v.start + m.index;
    if (pAt - v.start > 90) break;
    const speaker = speakerEndingAt(text, pAt, Math.max(ctx.floor, v.start), registry);
    if (!speaker) {
      if (m[0].startsWith('は')) {
        // Another topic stands first (北朝鮮は…): no speaker topic in this sentence.
        const prev = v.mask[m.index - 1] ?? '';
        if (/[\u4e00-\u9fff\u30a0-\u30ff」』]/.test(prev)) return null;
      }
      continue;
    }
    const prefix = maskSlice(v, v.start, speaker.start);
    if (prefix.length > 40 || /は/.test(prefix.replace(/では|には|とは/g, ''))) return null;
    return { ...speaker, end: pAt + m[0].length };
  }
  return null;
}

/** A clause's own reporting cue before the sentence goes on to another claim: …と述べ、 …と指摘し、 */
const CHAINED_CUE = /と(?:述べ|指摘し|強調し|語り|主張し|分析し|説明し|言及し|批判し)(?:て|つつ)?[、,]/g;
const OPINION_RE = new RegExp(`(という|とする|との)([^、。]{1,30}?)の${JA_OPINION_NOUN.source}(?:も|が|は)?(?:ある|あった|出ている|聞かれる|示されている|根強い|多い|存在する)`, 'g');
const NESTED_CUE = new RegExp(`^#*と(${JA_FINAL_VERB.source})`);
const OPINION_PREFILTER = new RegExp(`${JA_OPINION_NOUN.source}(?:も|が|は)?(?:ある|あった|出ている|聞かれる|示されている|根強い|多い|存在する)`);

/** …という X の 意見もある / 「…」とする X の 見方がある (anywhere in the sentence, outside quotations). */
function findOpinion(ctx: SentenceContext): { speaker: SpeakerPhrase; cue: Span; contentEnd: number } | null {
  const { text, view: v, registry } = ctx;
  if (!OPINION_PREFILTER.test(v.mask)) return null;
  const re = OPINION_RE;
  re.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(v.mask));) {
    const nameEnd = v.start + m.index + m[1]!.length + m[2]!.length;
    const speaker = speakerEndingAt(text, nameEnd, v.start + m.index + m[1]!.length, registry);
    if (!speaker || speaker.start !== v.start + m.index + m[1]!.length) continue;
    const cueStart = v.start + m.index;
    return { speaker, cue: { start: cueStart, end: cueStart + m[0].length }, contentEnd: cueStart };
  }
  return null;
}

/** Quotes inside a region followed by a cue of their own: 「…」としながら / 「…」と述べ、. */
function quoteCues(ctx: SentenceContext, speaker: SpeakerPhrase, region: Span, how: MentionHow): Draft[] {
  const { text, view: v } = ctx;
  const out: Draft[] = [];
  for (const q of v.quotes) {
    // A quotation followed by a reporting cue of its own is speech, however short.
    if (q.open < region.start || q.close >= region.end || q.close - q.open - 1 < 4) continue;
    const after = maskSlice(v, q.close + 1, Math.min(v.end, q.close + 16));
    // A te-form joins a next clause (と述べて、), not a progressive (と述べている: the final cue).
    const m = /^#*(と(?:しながら|しつつ|した上で|しながらも|述べ(?:つつ|ながら|て(?![いおき])|、)|指摘し(?:つつ|ながら|て(?![いおき])|、)|言及する(?:とともに|一方)|強調し(?:つつ|て(?![いおき]))|主張し(?:つつ|て(?![いおき]))|語り|する一方))/.exec(after);
    if (!m) continue;
    // A quotation with a subject of its own (…洪前大統領は、「…」と言及するとともに) is that subject's: nested.
    const own = /(?:は|が)[、,]?$/.exec(maskSlice(v, Math.max(region.start, q.open - 3), q.open));
    if (own) {
      const sp = speakerEndingAt(text, q.open - own[0].length, region.start, ctx.registry, false);
      if (sp && !sp.people.every((p) => speaker.people.includes(p))) continue;
    }
    const cueStart = q.close + 1 + m[0].length - m[1]!.length;
    out.push(draft(speaker, { start: q.open + 1, end: q.close }, 'quote', { start: cueStart, end: cueStart + m[1]!.length }, how, 'quote-cue'));
  }
  return out;
}

/** Nested speech inside a speaker's content: Yは、「…」と言及する / 「…」という Y の …. */
function nestedQuotes(ctx: SentenceContext, region: Span, via: DraftPerson[], exclude?: Span): Draft[] {
  const { text, view: v, registry } = ctx;
  const out: Draft[] = [];
  for (const q of v.quotes) {
    if (q.open < region.start || q.close > region.end) continue;
    if (exclude && q.open + 1 === exclude.start && q.close === exclude.end) continue;
    const after = maskSlice(v, q.close + 1, Math.min(v.end, q.close + 40));
    // 「…」という Y の
    const toiu = /^#*という/.exec(after);
    if (toiu) {
      const nameStart = q.close + 1 + toiu[0].length;
      const no = maskSlice(v, nameStart, Math.min(v.end, nameStart + 30)).search(/の|\(/);
      if (no > 0) {
        const sp = speakerEndingAt(text, nameStart + no, nameStart, registry, false);
        if (sp && sp.start === nameStart && !sp.people.some((p) => via.includes(p))) {
          out.push({ ...draft(sp, { start: q.open + 1, end: q.close }, 'quote', { start: q.close + 1 + toiu[0].length - 3, end: q.close + 1 + toiu[0].length }, 'explicit', 'nested-quote-toiu'), via });
          continue;
        }
      }
    }
    // Yは、「…」と VERB
    const cue = NESTED_CUE.exec(after);
    if (!cue) continue;
    const topic = /(?:は|が)[、,]?$/.exec(maskSlice(v, Math.max(region.start, q.open - 3), q.open));
    if (!topic) continue;
    const sp = speakerEndingAt(text, q.open - topic[0].length, region.start, registry);
    if (!sp || sp.people.some((p) => via.includes(p))) continue;
    const cueStart = q.close + 1 + cue[0].length - cue[1]!.length - 1;
    out.push({ ...draft(sp, { start: q.open + 1, end: q.close }, 'quote', { start: cueStart, end: q.close + 1 + cue[0].length }, 'explicit', 'nested-quote-topic'), via });
  }
  return out;
}

/** Where a clause's content starts: after leading connectives and a topic frame (…については、). */
function clauseStart(text: string, v: View, start: number, keepConnective = false): number {
  let s = start;
  while (s < v.coreEnd && /[\s、,]/.test(text[s]!)) s++;
  if (!keepConnective) {
    const c = JA_CONNECTIVE.exec(maskSlice(v, s, v.coreEnd));
    if (c) s += c[0].length;
    const frame = /^[^、。「」]{0,30}?(?:については|に関しては|をめぐっては)[、,]/.exec(maskSlice(v, s, v.coreEnd));
    if (frame) s += frame[0].length;
  }
  return s;
}

function skipFrames(text: string, v: View, start: number): number {
  let s = start;
  while (s < v.coreEnd && /[\s、,]/.test(text[s]!)) s++;
  const frame = JA_SOURCE_FRAME.exec(text.slice(s, v.coreEnd));
  if (frame) s += frame[0].length;
  return s;
}

/**
 * The content between two positions, trimmed of white space, commas, the final 。 and footnote digits; a
 * content that is one quotation becomes the inside of the quotation (kind quote).
 */
function contentSpan(text: string, v: View, start: number, end: number): { span: Span; quote: boolean } | null {
  let s = start;
  let e = Math.min(end, v.end);
  // Leading white space, commas and footnote digits left from the clause before.
  while (s < e && /[\s、,#]/.test(at(v, s) || text[s]!)) s++;
  for (;;) {
    if (e <= s) break;
    const ch = at(v, e - 1);
    if (/[\s、,。．#]/.test(ch)) e--;
    else break;
  }
  if (e - s < 2) return null;
  const q = v.quotes.find((x) => x.close === e - 1 && x.open >= s);
  if (q && (q.open === s || (q.close - q.open > 0.5 * (e - s) && isSpeech(text, q)))) {
    // Leading modifiers before a quotation (…を背景とする「…」) are the author's framing.
    return { span: { start: q.open + 1, end: q.close }, quote: true };
  }
  return { span: { start: s, end: e }, quote: false };
}

/** A quotation of speech rather than a quoted term: a clause, not a noun. */
function isSpeech(text: string, q: { open: number; close: number }): boolean {
  const inner = text.slice(q.open + 1, q.close);
  if (inner.length < 12) return false;
  return /[、。,]/.test(inner) || /[\u3041-\u3096]$/.test(inner);
}

function followedByMarker(v: View, pos: number): boolean {
  return at(v, pos) === '#';
}

function draft(
  speaker: SpeakerPhrase,
  content: Span,
  kind: Kind,
  cue: Span | null,
  mention: MentionHow,
  rule: string,
  cueMarkers?: number[],
  confidence?: number,
): Draft & { confidence?: number } {
  return {
    speakers: speaker.people,
    via: [],
    kind,
    cue,
    content,
    source: mention === 'explicit' ? speaker.source : null,
    mention,
    cueMarkers,
    evidence: [{ rule, span: cue ?? undefined }, ...(mention === 'explicit' ? [{ rule: 'speaker-mention', span: speaker.source }] : [])],
    ...(confidence !== undefined ? { confidence } : {}),
  };
}

/** Footnotes (sorted by start) that start in [s, e), by binary search. */
function finish(text: string, footnotes: readonly DraftFootnote[], byStart: Map<number, DraftFootnote>, d: Draft & { confidence?: number }, i: number): Attribution {
  const footnoteNs = claimFootnotes(text, footnotes, byStart, d.content, d.cue, d.cueMarkers);
  const hedges = [...new Set((text.slice(d.content.start, d.content.end).match(HEDGES) ?? []))];
  const base = d.mention === 'explicit' ? 0.9 : d.mention === 'elided' ? 0.75 : 0.6;
  const groupPenalty = d.speakers.some((p) => p.type !== 'person') ? 0.05 : 0;
  return {
    id: `a${i + 1}`,
    speakers: d.speakers.map((p) => p.id),
    via: d.via.map((p) => p.id),
    kind: d.kind,
    cue: d.cue ? { ...d.cue, text: '' } : null,
    content: { ...d.content, text: '' },
    source: d.source ? { ...d.source, text: '' } : null,
    footnotes: footnoteNs,
    mention: d.mention,
    hedges,
    confidence: Math.round(((d.confidence ?? base) - groupPenalty) * 100) / 100,
    evidence: d.evidence,
    provenance: 'machine',
    page: null,
  };
}

// -------------------------------------------------------------------------------------------- English

const EN_AFTER_QUOTE = /^#*\s*,?\s*(?:(said|says|added|argued|noted|wrote|warned)\s+)?/;
const EN_VERB_SOON = new RegExp(`^[^.]{0,120}?\\s${EN_VERBS}\\b`);
const EN_SUBJECT_VERB = new RegExp(`^(.{0,120}?)\\s+(?:has\\s+|had\\s+|have\\s+)?${EN_VERBS}(?:\\s+(?:on|in|at|during|last|this|earlier|in an|in a)\\s+[^,.]{1,30}?)?(?:\\s+that\\s+|\\s*[:,]\\s+)`);
const EN_SUBJECT_SAID = /^(.{0,160}?)\s+(said|argued|noted|wrote|warned|added|stressed|insisted|claimed|suggested|explained|observed)\s+(?!that\b|on\b|in\b|at\b|to\b|by\b|it\b|so\b)(?=[a-z“"])/;
const EN_AND_VERB = new RegExp(`,?\\s+and\\s+(?:also\\s+)?${EN_VERBS}\\b`);

function lastNamedInParagraph(ctx: SentenceContext): SpeakerPhrase | null {
  const ms = ctx.registry.mentionsIn(ctx.floor, ctx.view.start).filter((m) => m.person.type === 'person');
  const m = ms[ms.length - 1];
  return m ? { people: [m.person], start: m.start, source: { start: m.start, end: m.end } } : null;
}

function analyzeEnglish(ctx: SentenceContext): SentenceResult {
  const { text, view: v, registry } = ctx;
  const out: SentenceResult = { drafts: [], unattributed: [], next: undefined };
  const core = maskSlice(v, v.start, v.coreEnd);
  // According to X, CONTENT.  /  CONTENT, according to X.
  const acc = /\b[Aa]ccording to\s+/g;
  for (let m: RegExpExecArray | null; (m = acc.exec(core));) {
    const nameStart = v.start + m.index + m[0].length;
    const mentions = registry.mentionsIn(nameStart, nameStart + 60).filter((x) => x.start === nameStart || /^(?:the\s+)?$/i.test(text.slice(nameStart, x.start)));
    const group = !mentions.length ? /^(?:some\s+|many\s+|several\s+|other\s+)?(?:\w+\s+)?(?:analysts|experts|officials|observers|scholars|sources|diplomats|researchers)\b/i.exec(text.slice(nameStart, v.coreEnd)) : null;
    let speaker: SpeakerPhrase | null = null;
    let nameEnd = nameStart;
    if (mentions.length) {
      const mm = mentions[0]!;
      speaker = { people: [mm.person], start: mm.start, source: { start: mm.start, end: mm.end } };
      nameEnd = mm.end;
    } else if (group) {
      const p = registry.addCollective('group', group[0].replace(/^(some|many|several|other)\s+/i, ''), { start: nameStart, end: nameStart + group[0].length });
      speaker = { people: [p], start: nameStart, source: { start: nameStart, end: nameStart + group[0].length } };
      nameEnd = nameStart + group[0].length;
    }
    if (!speaker) {
      // According to the National Intelligence Service, …: an institution speaks.
      const org = /^(?:the\s+)?((?:\p{Lu}[\p{L}'’&-]*)(?:\s+(?:of|for|and|on|the)?\s*\p{Lu}[\p{L}'’&-]*){0,6})(?=\s*,)/u.exec(text.slice(nameStart, v.coreEnd));
      if (org && !registry.mentionsIn(nameStart, nameStart + org[0].length).length) {
        const span = { start: nameStart + org[0].length - org[1]!.length, end: nameStart + org[0].length };
        const p = registry.addCollective(/\b(?:Times|Post|Journal|News|Agency|Press|Television|TV|Radio)\b/.test(org[1]!) ? 'media' : 'organization', org[1]!, span);
        speaker = { people: [p], start: span.start, source: span };
        nameEnd = span.end;
      }
    }
    if (!speaker) continue;
    const cue = { start: v.start + m.index, end: v.start + m.index + m[0].trimEnd().length };
    // Which side is the content: after ", " following the name, or before ", according to".
    const afterName = text.slice(nameEnd, v.coreEnd);
    // Skip an appositive (", a senior fellow at X,") and the comma before the content.
    const comma = /^\s*,\s*(?:(?:a|an|the|who|whose)\s[^,]{0,100},\s*)?/.exec(afterName) ?? /^[^,]{0,60}?,\s*/.exec(afterName);
    const content = m.index === 0 || /^\s*$/.test(core.slice(0, m.index))
      ? contentSpan(text, v, nameEnd + (comma ? comma[0].length : 0), v.coreEnd)
      : contentSpan(text, v, v.start, v.start + m.index);
    if (content) out.drafts.push(draft(speaker, content.span, 'according_to', cue, 'explicit', 'en-according-to'));
    out.next = speaker;
    return out;
  }
  // As X has noted, …: the speaker named in the clause before the content.
  const as = /^As\s+(.{2,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:noted|argued|observed|pointed out|written|put it|suggested|warned|explained|shown|stressed),\s*/.exec(core);
  if (as) {
    const nameStart = v.start + 3;
    const mm = registry.mentionsIn(nameStart, nameStart + as[1]!.length).filter((x) => x.person.type === 'person');
    if (mm.length) {
      const m0 = mm[mm.length - 1]!;
      const speaker: SpeakerPhrase = { people: [m0.person], start: m0.start, source: { start: m0.start, end: m0.end } };
      const c = contentSpan(text, v, v.start + as[0].length, v.coreEnd);
      if (c) out.drafts.push(draft(speaker, c.span, 'reported', { start: v.start, end: v.start + as[0].trimEnd().length }, 'explicit', 'en-as-x-noted'));
      out.next = speaker;
      return out;
    }
  }
  // In his view, …: the speaker in play.
  const view = /^(?:In|To)\s+(?:his|her|their)\s+(?:view|opinion|assessment|reading|mind),\s*/.exec(core);
  // "his" is the speaker in play, or else the person named last in the paragraph.
  const whose = view ? ctx.current ?? lastNamedInParagraph(ctx) : null;
  if (view && whose) {
    const c = contentSpan(text, v, v.start + view[0].length, v.coreEnd);
    if (c) out.drafts.push(draft(whose, c.span, 'according_to', { start: v.start, end: v.start + view[0].trimEnd().length }, 'elided', 'en-in-his-view'));
    out.next = whose;
    return out;
  }
  // “QUOTE,” X said.  /  “QUOTE,” said X.
  for (const q of v.quotes) {
    const after = text.slice(q.close + 1, Math.min(v.end, q.close + 80));
    const m = EN_AFTER_QUOTE.exec(after);
    const rest = after.slice(m ? m[0].length : 0);
    const whoAt = q.close + 1 + (m ? m[0].length : 0);
    // “…,” he said: a pronoun stands for the speaker already in play.
    if (ctx.current && /^(?:he|she|they)\s+(?:said|says|added|argued|noted|wrote|warned|explained|told)\b/i.test(text.slice(whoAt, whoAt + 20)) || (ctx.current && m?.[1] && /^(?:he|she|they)\b/i.test(text.slice(whoAt, whoAt + 5)))) {
      let qe = q.close;
      while (qe > q.open + 1 && /[,.\s]/.test(text[qe - 1]!)) qe--;
      out.drafts.push(draft(ctx.current!, { start: q.open + 1, end: qe }, 'quote', null, 'elided', 'en-quote-pronoun', v.markers.filter((f) => f.start >= v.coreEnd).map((f) => f.n)));
      continue;
    }
    const who = registry.mentionsIn(whoAt, whoAt + 40)[0];
    if (!who || who.start !== whoAt) continue;
    if (!m?.[1] && !EN_VERB_SOON.test(rest)) continue;
    const speaker: SpeakerPhrase = { people: [who.person], start: who.start, source: { start: who.start, end: who.end } };
    let qe = q.close;
    while (qe > q.open + 1 && /[,.\s]/.test(text[qe - 1]!)) qe--;
    out.drafts.push(draft(speaker, { start: q.open + 1, end: qe }, 'quote', null, 'explicit', 'en-quote-speaker', v.markers.filter((f) => f.start >= v.coreEnd).map((f) => f.n)));
    out.next = speaker;
  }
  if (out.drafts.length) return out;
  // X said (that) CONTENT.
  // The reporting verb must introduce a clause: "that", a colon or a comma (not "what analysts say about").
  // A past-tense reporting verb after a named person takes its clause without "that" (Sorin said the talks…).
  const verb = EN_SUBJECT_VERB.exec(core) ?? EN_SUBJECT_SAID.exec(core);
  if (verb) {
    const subjectEnd = v.start + verb[1]!.length;
    const mentions = registry.mentionsIn(v.start, subjectEnd + 1);
    let speaker: SpeakerPhrase | null = null;
    if (mentions.length) {
      const mm = mentions[mentions.length - 1]!;
      const between = text.slice(mm.end, subjectEnd);
      if (/^(?:,[^,]{0,80},)?\s*$/.test(between) || /^\s*(?:also|further)?\s*$/.test(between) || /^\s+(?:of|at|from|with)\s+(?:the\s+)?[A-Z][^,]{0,80}$/.test(between)) speaker = { people: [mm.person], start: mm.start, source: { start: mm.start, end: mm.end } };
    } else {
      const g = /(?:^|\b)((?:many|some|several|other|most)\s+)?(?:[\w-]+\s+){0,2}(analysts|experts|officials|observers|scholars|diplomats|researchers)$/i.exec(text.slice(v.start, subjectEnd));
      if (g) {
        const span = { start: v.start + g.index, end: subjectEnd };
        const p = registry.addCollective('group', g[0].replace(/^(many|some|several|other|most)\s+/i, '').trim(), span);
        speaker = { people: [p], start: span.start, source: span };
      }
      if (/^\s*(?:he|she|they)\s*$/i.test(text.slice(v.start, subjectEnd)) && ctx.current) speaker = ctx.current;
    }
    if (speaker) {
      // "…notes that X, and warns against Y": the content ends where the next reporting verb begins.
      const next = EN_AND_VERB.exec(text.slice(v.start + verb[0].length, v.coreEnd));
      const contentEnd = next ? v.start + verb[0].length + next.index : v.coreEnd;
      const c = contentSpan(text, v, v.start + verb[0].length, contentEnd);
      if (c) out.drafts.push(draft(speaker, c.span, c.quote ? 'quote' : 'reported', { start: subjectEnd, end: v.start + verb[0].length }, speaker === ctx.current ? 'elided' : 'explicit', 'en-subject-verb'));
      out.next = speaker;
      return out;
    }
  }
  if (EN_PASSIVE.test(core)) {
    const c = contentSpan(text, v, v.start, v.coreEnd);
    if (c) out.unattributed.push({ content: c.span, cue: null, reason: 'passive: names no source' });
    out.next = null;
    return out;
  }
  if (ctx.current && v.markers.length && !EN_AUTHOR_VOICE.test(core)) {
    const c = contentSpan(text, v, v.start, v.coreEnd);
    if (c) out.drafts.push(draft(ctx.current, c.span, c.quote ? 'quote' : 'reported', null, 'context', 'carried-footnote', undefined, 0.55));
    return out;
  }
  if (EN_AUTHOR_VOICE.test(core)) out.next = null;
  return out;
}
