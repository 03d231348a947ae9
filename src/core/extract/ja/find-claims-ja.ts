/**
 * Who said what in Japanese, cue first: every reporting construction is found by grammar over the tokens of a
 * sentence, then the span it governs, then the speaker slot it leaves (topic or subject, the frame's noun
 * phrase, a label, an anaphor, or the zero subject carried from before), and only then the person.
 *
 * Constructions (each one row of `CONSTRUCTIONS`, with the evidence rule it writes):
 *   quotative    …と/って + a reporting predicate in any form (と述べた, と分析をしています, と指摘。, とした上で)
 *   view         …と/との/という + a view noun + を + a showing verb (との見方を示した, という考えを強調しました)
 *   toshite      …として / …とし / …としている (stated grounds and positions)
 *   koto         …ことを + an announcing verb (ことを明らかにした)
 *   you          …よう(に) + a verb of request (よう呼びかけた)
 *   object-quote 「…」を + a reporting predicate (「…」を警告した)
 *   frame        Xによると / Xによれば / Xの話では / Xの報道では … (according_to)
 *   relay        X が伝えた / X が報じた after the sentence it relays (via for what it contains)
 *   kou          X はこう語った / そう批判する + the quotation before or after
 *   label        turns and headlines: X:…, 【X】…, X)…, ○X …, X 「…」, 「…」(X), …=X
 *   hearsay      …という / …ということです closing a sentence, with the speaker carried from before
 *
 * Work is bounded by the input: a sentence is tokenised once, each cue scans a bounded window, and no span
 * runs past its paragraph or MAX_CONTENT code units.
 */
import type { Attribution, Unattributed } from '../../model/schema.ts';
import type { AheadTokenizer, JaToken, JaTokenizer } from '../../morph/tokens.ts';
import { trimSpan as trimWhite, type Span } from '../../text/span.ts';
import type { ClassifiedBlock } from '../../segment/02-classify-blocks.ts';
import type { DraftSentence } from '../../segment/03-split-sentences.ts';
import type { DraftFootnote } from '../04-find-footnotes.ts';
import type { DraftPerson, PeopleRegistry } from '../people-registry.ts';
import { HEDGES } from '../cues.ts';
import { claimFootnotes } from '../claim-footnotes.ts';
import { MINISTRY_OFFICES } from '../vocabulary.ts';
import { bareSpeaker, classifySpeaker, isNominal, nounPhraseEndingAt, titlesName, type NounPhrase, type SpeakerPhrase, type SpeakerReadings } from './speaker-phrase.ts';
import {
  ANNOUNCE_PREDICATES, CONNECTIVES, KATAKANA_MEDIA, MEDIA_TAILS, PERSON_POSTS, REQUEST_VERBS, SHOW_PREDICATES, SPEECH_NOUNS, SPEECH_VERBS, STATE_NAMES, VENUE_NOUNS, VIEW_NOUNS, isPost, postEnding,
} from './vocabulary-ja.ts';

export interface JaClaimsInput {
  text: string;
  blocks: readonly ClassifiedBlock[];
  sentences: readonly DraftSentence[];
  footnotes: readonly DraftFootnote[];
  registry: PeopleRegistry;
  tokenizer: JaTokenizer;
  /**
   * For a long text: a tokenizer that has the given pieces of the text (start and end pairs, in the order they will
   * be asked for) tokenised ahead on another thread, or null (prefetch.ts). Same tokens, less time on this thread.
   */
  ahead?: (text: string, pieces: Int32Array) => AheadTokenizer | null;
}

/** Text (in code units) from which tokenising ahead pays for starting a thread and sharing the dictionary. */
const AHEAD_MIN = 1 << 19;

/** The longest content an attribution may have: a claim never runs past its paragraph, nor past this. */
export const MAX_CONTENT = 2000;
/** Sentences longer than this are cut at clause boundaries before tokenising. */
const MAX_SENTENCE = 1500;

type Kind = Attribution['kind'];

interface Speaker {
  people: DraftPerson[];
  source: Span | null;
}

interface Draft {
  speaker: Speaker;
  via: DraftPerson[];
  kind: Kind;
  cue: Span | null;
  content: Span;
  mention: Attribution['mention'];
  rule: string;
  tokens: string;
  /** An interview's answer printed as a quotation of its own (「…」): no answer after it lengthens it. */
  quoted?: boolean;
}

interface Cue {
  rule: string;
  kind: Kind;
  /** Token index where the cue starts (the quotative と, the frame's に) and one past its last token. */
  from: number;
  to: number;
  /** Token index one past the end of the complement (usually === from). */
  complementEnd: number;
  /** A speaker written after the complement (「…」と X は述べた). */
  after?: SpeakerPhrase;
  /** A frame's own noun phrase (X によると). */
  frame?: SpeakerPhrase;
  /** Whether the cue's predicate chains on (…と述べ、…) rather than ending the sentence. */
  thought?: boolean;
  /** The predicate's base form (述べる, 報じる, 指摘). */
  verb?: string;
  /** A passive of respect (…と説明されました): a claim only where a person named as the topic speaks. */
  honorific?: boolean;
}

/** An interviewer's question opening a sentence: ――, ──, a dash, Q. */
const QUESTION_MARK = /^(?:――|──|―|—|－|-|Q[.:：\s]|Q\d{1,2}[.:：、．\s]|問[:：\s]|[(（〔【]問[)）〕】])/;
/** Matched on the text where a token starts (sticky: no slice of the text per token). */
const MULTI_CONNECTIVE = /(?:(?:これに先立ち|これに先立って|それに先立ち|その上で|そのうえで|その一方で|これに対して|これに対し|それに対し|その後|その際|そのため|このため|これを受けて|これを受け|それでも|それに加えて|加えて|さらに言えば|一方で|他方で)、|(?:これに関連して|これに関連し|これに関して)、?)/y;
/** The characters MULTI_CONNECTIVE's words begin with: it is tried only at those. */
const MULTI_CONNECTIVE_FIRST = new Set(['そ', 'こ', '加', 'さ', '一', '他']);
const QUOTE_OPEN = new Set(['「', '『', '“']);
const QUOTE_CLOSE = new Set(['」', '』', '”']);
/** 1 at the code unit of an opening quotation bracket, 2 at a closing one. */
const QUOTE_UNIT = new Uint8Array(0x10000);
for (const q of QUOTE_OPEN) QUOTE_UNIT[q.charCodeAt(0)] = 1;
for (const q of QUOTE_CLOSE) QUOTE_UNIT[q.charCodeAt(0)] = 2;

/** QUOTE_OPEN.has for a token's surface, without hashing the string. */
function opensQuote(s: string): boolean {
  return s.length === 1 && QUOTE_UNIT[s.charCodeAt(0)] === 1;
}

/** QUOTE_CLOSE.has for a token's surface, without hashing the string. */
function closesQuote(s: string): boolean {
  return s.length === 1 && QUOTE_UNIT[s.charCodeAt(0)] === 2;
}

/** Claims found in one stretch of the text, finished; `end` is where the stretch ends (the next one starts there). */
export interface ClaimsPart {
  attributions: Attribution[];
  unattributed: Unattributed[];
  end: number;
  /**
   * Every piece read before this offset has all its claims in this part or an earlier one. The last piece read may
   * have claims still open (a relay in the next piece may give them a source): they come in the next part.
   */
  settled: number;
}

/**
 * The claims in parts of about `partSize` code units of text, each finished and handed out as soon as its
 * stretch is read, so that a caller can write a long document's claims as they come and never hold them all.
 * A document shorter than `partSize` is one part. Claims are numbered from 1 in each part.
 */
export function* findClaimsJaInParts(input: JaClaimsInput, partSize = Infinity): Generator<ClaimsPart> {
  // Mentions are added in one sorted merge at the end: inserting each in place is quadratic on a long document.
  // The last part comes after that merge, so that a pass run on it sees every mention.
  input.registry.startBatch();
  const ahead = input.ahead && input.text.length >= AHEAD_MIN ? input.ahead(input.text, plannedPieces(input)) : null;
  let last: ClaimsPart;
  try {
    last = yield* claimsInParts(ahead ? { ...input, tokenizer: ahead } : input, partSize);
  } finally {
    ahead?.close();
    input.registry.endBatch();
  }
  yield last;
}

/** The pieces the pass tokenises, in order: the sentences of the paragraphs, cut at questions and when long. */
function plannedPieces({ text, blocks, sentences }: JaClaimsInput): Int32Array {
  const out: number[] = [];
  for (const s of sentences) {
    const kind = blocks[s.block]?.kind;
    if (kind !== 'paragraph' && kind !== 'list-item') continue;
    for (const q of atQuestions(text, s)) for (const piece of cutLong(text, q)) out.push(piece.start, piece.end);
  }
  return Int32Array.from(out);
}

/** classifySpeaker, and a bare name the people pass already knows in this document is a person. */
/** A person named before and taken up by their kind: この専門家は, その学者は. */
const KIND_OF_PERSON = /^(?:専門家|学者|政治学者|研究者|アナリスト|エコノミスト|教授|外交官|人物|識者|政治家)$/;

function classify(np: Parameters<typeof classifySpeaker>[0], toks: Parameters<typeof classifySpeaker>[1], book: SpeakerBook): SpeakerPhrase | null {
  // 専門家の多くは, 関係者の一部は: a share of an unnamed group is that group (the phrase stops at の without this).
  if (/^(?:多く|一部|大半|多数|半数|大多数|ほとんど)$/.test(np.text) && np.from >= 2 && toks[np.from - 1]!.surface === 'の') {
    const whole = nounPhraseEndingAt(book.registry.text, toks, np.from - 2, 0);
    const group = whole ? classifySpeaker(whole, toks, book.readings) : null;
    if (whole && group?.type === 'group') return { ...group, from: whole.from, to: np.to, start: whole.start, end: np.end, text: book.registry.text.slice(whole.start, np.end) };
  }
  // 41%の人は, 3割の企業は: a share of those surveyed, no one named.
  if (/^(?:人|人々|回答者|企業|世帯)$/.test(np.text) && np.from >= 2 && toks[np.from - 1]!.surface === 'の' && /^(?:[%％]|割)$/.test(toks[np.from - 2]!.surface)) {
    let k = np.from - 2;
    while (k > 0 && /^[\d０-９.．]+$/.test(toks[k - 1]!.surface)) k--;
    return { from: k, to: np.to, start: toks[k]!.start, end: np.end, text: book.registry.text.slice(toks[k]!.start, np.end), type: 'group', core: book.registry.text.slice(toks[k]!.start, np.end), organization: null, title: null };
  }
  // この専門家は: the expert just quoted, not experts in general.
  const before = toks[np.from - 1];
  if (before && before.pos === '連体詞' && /^(?:この|その)$/.test(before.surface) && KIND_OF_PERSON.test(np.text)) {
    return { from: np.from - 1, to: np.to, start: before.start, end: np.end, text: before.surface + np.text, type: 'anaphor', core: '同氏', organization: null, title: null };
  }
  const sp = classifySpeaker(np, toks, book.readings);
  // ある町職員は, ある外交官は: someone left unnamed on purpose is one of a group, whatever their post.
  if (sp && before && before.pos === '連体詞' && before.surface === 'ある' && !toks.slice(np.from, np.to).some((t) => t.pos2 === '人名')) {
    return { ...sp, from: np.from - 1, start: before.start, text: before.surface + np.text, type: 'group', core: before.surface + np.text, organization: null, title: null };
  }
  if (sp) return sp;
  const bare = book.knownName(np.text);
  return bare === null ? null : { from: np.from, to: np.to, start: np.start, end: np.end, text: np.text, type: 'person', core: bare, organization: null, title: null };
}

function* claimsInParts(input: JaClaimsInput, partSize: number): Generator<ClaimsPart, ClaimsPart> {
  const { text, blocks, sentences, footnotes, registry, tokenizer } = input;
  let drafts: Draft[] = [];
  let unattributed: Unattributed[] = [];
  let partStart = 0;
  // Where the drafts of the last piece read begin.
  let openFrom = 0;
  // Where the last piece read begins (its drafts are the open ones).
  let openStart = 0;
  const markerAt = new Map<number, DraftFootnote>();
  for (const f of footnotes) for (let k = f.start; k < f.end; k++) markerAt.set(k, f);
  const people = new SpeakerBook(registry);
  const labelCounts = countLabels(text, blocks);
  const namedPostLines = countNamedPostLines(text, blocks);
  const inlineLabels = countInlineLabels(text);
  let current: Speaker | null = null;
  // In an interview (――question? then the answer) the answers are the interviewee's: the person speaking when
  // the first question came, kept across answers that quote others.
  let interviewee: Speaker | null = null;
  // Who introduced themselves (防衛大臣に就任いたしました北浜一郎でございます): a press conference's principal,
  // who answers its questions (Q:… A:…) whatever headings stand between.
  let principal: Speaker | null = null;
  // Whether the document is a press conference (its title says so): a name and post alone on a line head turns.
  let conference = false;
  // The block an interviewer's question opens: all its sentences are the question.
  let questionBlock = -1;
  // Where the question ends in that block (its end, or the end of its line).
  let questionEnd = Infinity;
  // The person an interview is said to be with (…氏に聞いた, …が応じた単独会見): who answers its questions, headings between.
  let interviewed: Speaker | null = null;
  // Whether a question's label stood alone on the line before (- 問)): the next paragraph is the question.
  let askedBelow = false;
  let answer: Draft | null = null;
  // A transcript's turn (○X君 …, 記者: …) runs to the next turn: the lines and paragraphs after it that open no turn
  // of their own lengthen it.
  let turn: Draft | null = null;
  // The sentence before, across blocks (a quotation on a line of its own, then こう語る X氏。).
  let lastPiece: Span | null = null;
  let lastPieceBlock = -1;

  const bySentenceBlock = new Map<number, DraftSentence[]>();
  for (const s of sentences) {
    const list = bySentenceBlock.get(s.block);
    if (list) list.push(s);
    else bySentenceBlock.set(s.block, [s]);
  }

  const byStart = new Map(footnotes.map((f) => [f.start, f]));
  // Everyone who has said something so far (a hearsay ending is theirs only), and how many drafts have been read for it.
  const spoke = new Set<DraftPerson>();
  let spokeRead = 0;
  // Finishes the drafts before `cut` (all by default) into attributions, keeping the rest for the next part.
  const finishPart = (end: number, cut = drafts.length, settled = end): ClaimsPart => {
    const done = drafts.slice(0, cut);
    drafts = drafts.slice(cut);
    spokeRead = Math.max(0, spokeRead - cut);
    // A finished interview answer is not lengthened any more: the next answer starts a claim of its own.
    if (answer && !drafts.includes(answer)) answer = null;
    if (turn && !drafts.includes(turn)) turn = null;
    const part = { attributions: finishDrafts(text, footnotes, byStart, done), unattributed, end, settled };
    unattributed = [];
    partStart = end;
    return part;
  };

  // 【北陽新聞 森記者】…北川長官が…と述べておられます。…: what a turn reports that someone named said is theirs, through
  // the turn's speaker (what the speaker says themselves is the turn already).
  const reportedInTurn = (holder: Draft, from: number, to: number, b: number) => {
    for (const s of bySentenceBlock.get(b) ?? []) {
      if (s.end <= from || s.start >= to) continue;
      for (const piece of cutLong(text, { start: Math.max(s.start, from), end: Math.min(s.end, to) })) {
        const r = analyzeSentence(new SentenceView(text, piece, tokenizer, markerAt, people), people, null, null, null);
        for (const d of r.drafts) {
          // (Said, not thought by them in the speaker's guess, …したかったのは事実だと思います; nor a bare という.)
          const cue = d.cue ? text.slice(d.cue.start, d.cue.end) : '';
          if (d.mention !== 'explicit' || !cue || /^(?:という|って)$/.test(cue) || GUESSED.test(cue) || sameSpeakers(d.speaker, holder.speaker)) continue;
          if (d.speaker.people.some((p) => p.type === 'media' || p.type === 'group')) continue;
          if (!drafts.some((x) => x.content.start === d.content.start && x.content.end === d.content.end)) drafts.push({ ...d, via: holder.speaker.people });
        }
      }
    }
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    // 森川復興大臣記者会見録, 永井会長記者会見: the title of a press conference names its principal, who answers its questions.
    const said = block.kind === 'title' || block.kind === 'heading' || b < 3 ? CONFERENCE.exec(text.slice(block.contentStart, block.end)) : null;
    if (said) {
      conference = true;
      // (防衛大臣記者会見, then 森川防衛大臣閣議後会見: the person named takes the office's place.)
      const office: boolean = !!principal && principal.people.every((p) => p.type === 'government');
      // (定例記者会見における森田会長発言要旨: the principal named after the conference.)
      const after = block.contentStart + said.index + said[0].length;
      const named: Speaker | null = !principal || office ? conferencePrincipal(block.contentStart + said.index, block, registry)
        ?? (/^(?:における|での)/.test(text.slice(after, after + 5)) ? conferencePrincipal(block.end, block, registry, after) : null)
        ?? conferenceLabel(text, block, said.index, tokenizer, people) : null;
      if (named && (!principal || named.people.some((p) => p.type === 'person'))) principal = named;
    }
    // A block read as a whole (a title, a quotation on its own line) is the sentence before the next one.
    const before = blocks[b - 1];
    if (before && lastPieceBlock !== b - 1) lastPiece = { start: before.contentStart, end: before.end };
    // A heading changes the subject; a line that is one quotation (taken for a heading) does not.
    const quoteLine = QUOTE_OPEN.has(text[block.contentStart] ?? '') && QUOTE_CLOSE.has(text.slice(block.contentStart, block.end).trimEnd().slice(-1));
    // 選挙を取り仕切る森山幹事長は、(paragraph) / 「…」(paragraph): a paragraph closing on its subject and a comma, the
    // quotation standing alone below it with its verb left out, as magazines write it.
    // (Not when the verb follows on the next line: 「…」(改行)と、…と述べた is quoteBlockBefore's.)
    const verbFollows = /^[ \u3000]*(?:と|って)/.test(text.slice(blocks[b + 1]?.contentStart ?? text.length, (blocks[b + 1]?.contentStart ?? text.length) + 4));
    const verbless: Draft | null = quoteLine && !verbFollows && before && (before.kind === 'paragraph' || before.kind === 'list-item') ? subjectClosing(text, before, block, tokenizer, people, current) : null;
    if (verbless) {
      drafts.push(verbless);
      current = verbless.speaker;
      continue;
    }
    // ――…か / --…? on a short line of its own (taken for a heading): an interviewer's question, answered by the
    // press conference's principal, or by the person speaking before when it reads as a question.
    if (block.kind === 'heading' && QUESTION_MARK.test(text.slice(block.contentStart, block.contentStart + 3))) {
      const asking = /[?？]|か$/.test(text.slice(block.contentStart, block.end).trimEnd());
      interviewee ??= principal ?? interviewed ?? (asking && current?.people.length === 1 && current.people[0]!.type === 'person' ? current : null);
      if (interviewee) { questionBlock = b; questionEnd = Infinity; }
    }
    // - 問) / - 答) on lines of their own, the question or the answer in the paragraph below: a ministry's transcript.
    const lineAlone = block.end - block.contentStart <= 8 ? text.slice(block.contentStart, block.end).trim() : '';
    if (lineAlone && QA_LABEL_LINE.test(lineAlone)) {
      const asks = /[問QＱ]/.test(lineAlone);
      askedBelow = asks;
      if (asks) interviewee ??= principal ?? interviewed;
      current = null; answer = null; turn = null;
      continue;
    }
    if (askedBelow && (block.kind === 'paragraph' || block.kind === 'list-item') && /[\p{L}\p{N}]/u.test(text.slice(block.contentStart, block.end))) {
      askedBelow = false;
      if (interviewee) { questionBlock = b; questionEnd = Infinity; }
    }
    if (block.kind === 'heading' && !quoteLine) { current = null; answer = null; turn = null; }
    // 加藤一郎財務相 alone on its line, an interviewer's question (――…) below it: the person the interview is with.
    const nextOpening = blocks[b + 1] ? text.slice(blocks[b + 1]!.contentStart, blocks[b + 1]!.contentStart + 3) : '';
    if ((block.kind === 'heading' || block.kind === 'paragraph') && /^(?:――|──)/.test(nextOpening)) {
      const line = NAMED_POST_LINE.exec(text.slice(block.contentStart, block.end));
      const at = line ? block.contentStart + line.index + line[0].indexOf(line[1]!) : -1;
      const who = line && postEnding(line[1]!.trim()) ? labelSpeaker(line[1]!.trim(), { start: at, end: at + line[1]!.trim().length }, tokenizer, people, 'interview-subject') : null;
      if (who && who.people.length === 1 && who.people[0]!.type === 'person') { interviewee = who; current = who; continue; }
    }
    // 1.発言要旨 / 冒頭発言: under such a heading of a press conference its principal speaks.
    // (What the statement says with its subject left out is theirs: 北朝鮮は…発射した。…と推定する.)
    // (A short line of its own may have been taken for a byline.)
    if (principal && (block.kind === 'heading' || block.kind === 'title' || block.kind === 'byline') && OPENING_REMARKS.test(text.slice(block.contentStart, block.end))) { interviewee = principal; current = principal; }
    // 中央銀行 森山総裁 on a line of its own, the quotation on the next: the line labels the quotation.
    const nextBlock = blocks[b + 1];
    // (小林元経済安保相 / Q：…か？ / 「…」: an interviewer's question between the label and the answer it labels.)
    const asked = nextBlock && blocks[b + 2]?.kind === 'paragraph' && /^(?:Q|Ｑ|問)[:：.．]/.test(text.slice(nextBlock.contentStart, nextBlock.contentStart + 2)) && !text.slice(nextBlock.contentStart, nextBlock.end).includes('\n');
    const answered = asked ? blocks[b + 2]! : nextBlock;
    // (A label may stand over a quotation alone on its line, taken for a heading: 【北川アナウンサー】 / 「…」.)
    const quoteBelow = !!nextBlock && nextBlock.kind === 'heading' && QUOTE_OPEN.has(text[nextBlock.contentStart] ?? '') && closes(text, nextBlock.contentStart) === trimWhite(text, nextBlock.contentStart, nextBlock.end).end - 1;
    const nextBlockContent = () => {
      const span = trimSpan(text, { start: answered!.contentStart, end: answered!.end });
      // (An answer in brackets after a question: the inside of them; the block may start inside the bracket.)
      const open = QUOTE_OPEN.has(text[span.start]!) ? span.start : span.start - 1;
      const whole = (asked || quoteBelow) && open >= answered!.start && QUOTE_OPEN.has(text[open]!) && closes(text, open) === span.end - 1;
      return boundContent(whole ? { start: open + 1, end: span.end - 1 } : span);
    };
    // A label on a line of its own heads the paragraph after it, a turn that later paragraphs lengthen.
    const headsNextBlock = (d: Draft) => {
      drafts.push(d);
      current = d.speaker;
      turn = d;
      answer = null;
    };
    // 00:03:05 ~ 00:04:28 三好康夫君 / 委員長(岸本ゆかり君) on a line of its own, the speech in the paragraph after it:
    // minutes as a video record gives them (the line may have been taken for a heading).
    const minutesLine = nextBlock && nextBlock.kind === 'paragraph' && block.end - block.contentStart <= 60 ? MINUTES_LABEL_LINE.exec(text.slice(block.contentStart, block.end)) : null;
    if (minutesLine) {
      const at = block.contentStart + minutesLine.index + minutesLine[0].lastIndexOf(minutesLine[1]!);
      const cue = { start: at, end: at + minutesLine[1]!.length };
      const who = labelSpeaker(minutesLine[1]!, cue, tokenizer, people, 'label-turn-minutes');
      if (who) {
        headsNextBlock({ speaker: who, via: [], kind: 'quote', cue, content: nextBlockContent(), mention: 'explicit', rule: 'label-turn-minutes', tokens: minutesLine[1]! });
        continue;
      }
    }
    // (知事) / 【北東新聞】 on a line of its own, the turn in the paragraphs after it.
    // (A sound bite under a colon label may be short enough to be taken for a heading.)
    const biteBelow = !!nextBlock && nextBlock.kind === 'heading' && COLON_LABEL_LINE.test(text.slice(block.contentStart, block.end));
    const lineText = nextBlock && (nextBlock.kind === 'paragraph' || quoteBelow || biteBelow) && block.end - block.contentStart <= 30 ? text.slice(block.contentStart, block.end) : '';
    // (蒲島知事 alone on its line in a press conference: the same, unbracketed.)
    // (Nor only there: where such lines head two paragraphs or more, as minutes and broadcast digests print them.)
    const namedPost = (conference || namedPostLines >= 2) && block.kind !== 'title' ? NAMED_POST_LINE.exec(lineText) : null;
    // (○毎日新聞 alone on its line, the turn below it: a prefecture's transcript.)
    // (店長 森田 健一さん: / タクシー運転手: alone on its line, what they said on the next: a broadcast's sound bites.)
    // (Q 代表幹事(北陽新聞) / A 知事 alone on its line, the question or the answer below: a prefecture's transcript.)
    const qaLine = QA_NAMED_LINE.exec(lineText);
    if (qaLine) {
      const at = block.contentStart + qaLine.index + qaLine[0].indexOf(qaLine[1]!);
      const cue = { start: at, end: at + qaLine[1]!.length };
      const labelAt = cue.end - qaLine[2]!.length;
      const who = labelSpeaker(qaLine[2]!, { start: labelAt, end: cue.end }, tokenizer, people, 'label-turn-qa');
      if (who) {
        headsNextBlock(byPrincipal({ speaker: who, via: [], kind: 'quote', cue, content: nextBlockContent(), mention: 'explicit', rule: 'label-turn-qa', tokens: qaLine[2]! }, principal));
        continue;
      }
    }
    const labelLine = LABEL_LINE.exec(lineText) ?? MINUTES_MARK_LINE.exec(lineText) ?? COLON_LABEL_LINE.exec(lineText) ?? (namedPost && postEnding(namedPost[2]!.trim()) ? namedPost : null);
    if (labelLine) {
      const at = block.contentStart + labelLine.index + labelLine[0].indexOf(labelLine[1]!);
      const cue = { start: at, end: at + labelLine[1]!.length };
      const label = joinSpacedPair(labelLine[2]!.trim());
      const colon = /[:：]$/.test(labelLine[1]!);
      const bracketed = labelLine[1] !== label && !colon;
      const marked = labelLine[1]!.startsWith('○');
      const rule = labelLine[1]!.startsWith('【') ? 'label-turn-bracket' : marked ? 'label-turn-minutes' : colon ? 'label-turn-colon' : bracketed ? 'label-turn-paren' : 'label-turn-post';
      const labelSpan = bracketed ? { start: cue.start + 1, end: marked ? cue.end : cue.end - 1 } : colon ? { start: cue.start, end: cue.start + labelLine[2]!.trimEnd().length } : cue;
      const who = labelSpeaker(label, labelSpan, tokenizer, people, rule, bracketed ? (labelCounts.get(label) ?? 0) >= 2 : false);
      // (自民 鈴木馨祐氏 over a paragraph that opens 自民党の鈴木馨祐氏は…: a heading over a report, not a turn.)
      const opening = who && !bracketed ? text.slice(answered!.contentStart, answered!.contentStart + 40) : '';
      const reported = who?.people.some((p) => { const at = opening.indexOf(p.name); return at >= 0 && /^[^、。\s「」]{0,8}?[はが]/.test(opening.slice(at + p.name.length)); });
      // (知事 alone on its line in a press conference: the office held by no one named answers as the government.)
      const office = conference && !colon && who?.people.every((p) => p.type === 'government') && GOVERNMENT_OFFICE.test(label);
      if (who && !reported && (bracketed || office || who.people.every((p) => p.type === 'person'))) {
        headsNextBlock(byPrincipal({ speaker: who, via: [], kind: 'quote', cue, content: nextBlockContent(), mention: 'explicit', rule, tokens: label }, principal));
        // (A sound bite under a colon label is the one paragraph below it: the narrator goes on after it.)
        if (colon) turn = null;
        // (The question between is read no further: it opens no interview of its own; nor is the answer, which is the turn.)
        if (asked) b += 2;
        continue;
      }
    }
    // ◎北辰銀行の森川健一チーフエコノミスト over a list: the points listed are what the person named said.
    // (So does a heading that names what they said, 北川首相の他の発言.)
    const marked = LIST_LABEL_MARK.test(text[block.contentStart] ?? '');
    if (nextBlock?.kind === 'list-item' && (block.kind === 'heading' || block.kind === 'paragraph') && block.end - block.contentStart <= 60 && (marked || SAID_HEADING.test(text.slice(block.contentStart, block.end).trimEnd()))) {
      let last = b + 1;
      while (blocks[last + 1]?.kind === 'list-item') last++;
      const list = { contentStart: blocks[b + 1]!.contentStart, end: blocks[last]!.end };
      const label = lineLabel(text, { contentStart: block.contentStart + (marked ? 1 : 0), end: block.end }, list, tokenizer, people, true);
      if (label) { headsNextBlock(label); continue; }
    }
    // (A short line of its own may have been taken for a heading.)
    if ((block.kind === 'paragraph' || block.kind === 'heading') && nextBlock && text[nextBlock.contentStart] === '「' && block.end - block.contentStart <= 30) {
      const label = lineLabel(text, block, nextBlock, tokenizer, people);
      if (label) { drafts.push(label); current = label.speaker; continue; }
    }
    // (A headline with a quotation may have been taken for a byline, as the line under a picture's caption.)
    const quotingByline = block.kind === 'byline' && /[「“]/.test(text.slice(block.contentStart, block.end));
    if (block.kind !== 'paragraph' && block.kind !== 'list-item' && block.kind !== 'title' && block.kind !== 'heading' && !quotingByline) continue;
    const labelled = findLabels(text, block, tokenizer, people, labelCounts).map((d) => byPrincipal(d, principal));
    for (const l of labelled) {
      drafts.push(l);
      current = l.speaker;
    }
    // The end of a turn read from a line of the block (its sentences are the turn's).
    let turnEnd = -1;
    const blockTurn = labelled.length && labelled[0]!.rule.startsWith('label-turn') ? labelled[0]! : null;
    // (A page that lost its line breaks: the first turn ends where the next one's label stands after a stop.)
    const inlineCut = blockTurn && inlineLabels.size ? nextInlineLabel(text, blockTurn.content.start, blockTurn.content.end, inlineLabels) : -1;
    if (blockTurn && inlineCut > 0) {
      blockTurn.content = { start: blockTurn.content.start, end: inlineCut };
      turnEnd = inlineCut;
      turn = null;
    } else if (blockTurn) {
      turn = openTurn(text, blockTurn);
      // A block of several turns, one per line (○A君 …\n○B君 …): the first line's turn, then the lines after it.
      // (A label on a line of its own, (知事)\n…, heads the line below it.)
      const alone = /^[ \u3000]*\n/.test(text.slice(blockTurn.cue!.end, blockTurn.content.start + 1));
      const nl = text.indexOf('\n', alone ? blockTurn.content.start : blockTurn.cue!.end);
      if (!turn || nl < 0 || nl >= blockTurn.content.end) {
        reportedInTurn(blockTurn, blockTurn.content.start, blockTurn.content.end, b);
        continue;
      }
      blockTurn.content = trimWhite(text, blockTurn.content.start, nl);
      turnEnd = nl;
    }
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') turn = null;
    // A short answer standing alone as a quotation (「私は宿舎で待機していた」, taken for a heading) is the interviewee's.
    if (block.kind === 'heading' && quoteLine && interviewee && questionBlock === b - 1) {
      answer = { speaker: interviewee, via: [], kind: 'quote', cue: null, content: trimSpan(text, { start: block.contentStart, end: block.end }), mention: 'context', rule: 'interview-answer', tokens: '' };
      drafts.push(answer);
      continue;
    }
    if (block.kind === 'title' || block.kind === 'heading') continue;
    const list = bySentenceBlock.get(b) ?? [];
    let previous: { span: Span; drafts: Draft[] } | null = null;
    // 坂元キャスター / 「…」 / 北村教授 / 「…」: label lines inside a sentence (no 。 ends a label or a quotation's
    // line), each labelling the quotation that opens the next line. What the speaker thinks inside it is theirs.
    const starts = new Set(list.map((x) => x.start));
    const labelledQuotes: Span[] = [];
    for (let at = block.contentStart; at < block.end;) {
      const nl = text.indexOf('\n', at);
      if (nl < 0 || nl >= block.end) break;
      if (!starts.has(at) && nl - at <= 30 && text[nl + 1] === '「') {
        const label = lineLabel(text, { contentStart: at, end: nl }, { contentStart: nl + 1, end: block.end }, tokenizer, people);
        if (label) { drafts.push(label); labelledQuotes.push(label.content); }
      }
      at = nl + 1;
    }
    for (const sentence of list.flatMap((x) => atQuestions(text, x))) {
      if (sentence.start < turnEnd) {
        if (blockTurn && sentence.start < blockTurn.content.end) reportedInTurn(blockTurn, Math.max(sentence.start, blockTurn.content.start), sentence.end, b);
        continue;
      }
      // The same inside a paragraph: a short line naming a person with a post, the quotation opening the next line.
      if (sentence.start === block.contentStart || text[sentence.start - 1] === '\n') {
        const nl = text.indexOf('\n', sentence.start);
        if (nl > sentence.start && nl - sentence.start <= 30 && nl + 1 < block.end && text[nl + 1] === '「') {
          const label = lineLabel(text, { contentStart: sentence.start, end: nl }, { contentStart: nl + 1, end: block.end }, tokenizer, people);
          if (label) {
            drafts.push(label);
            current = label.speaker;
            turnEnd = label.content.end + 1;
            turn = null;
            continue;
          }
        }
      }
      // A turn on a line of its own inside the block: ホア 北朝鮮が… / 戸田: … (the block's first line is findLabels').
      const lineStart = sentence.start > block.contentStart && text[sentence.start - 1] === '\n';
      if (lineStart) {
        const nl = text.indexOf('\n', sentence.start);
        let lineEnd = nl < 0 || nl > block.end ? block.end : nl;
        // (○知事 alone on its line: the turn is the line below it.)
        if (lineEnd < block.end && MINUTES_MARK_LINE.test(text.slice(sentence.start, lineEnd))) {
          const next = text.indexOf('\n', lineEnd + 1);
          lineEnd = next < 0 || next > block.end ? block.end : next;
        }
        const found = labelTurnAt(text, sentence.start, lineEnd, tokenizer, people, labelCounts);
        const lineTurn = found && byPrincipal(found, principal);
        if (lineTurn && lineTurn.rule.startsWith('label-turn')) {
          drafts.push(lineTurn);
          current = lineTurn.speaker;
          turnEnd = lineEnd;
          turn = openTurn(text, lineTurn);
          answer = null;
          previous = null;
          continue;
        }
      }
      // 佐藤: …ですよね。 末廣: …: a page that lost its line breaks (a space after the stop where a turn began) keeps
      // its colon labels; a label met twice opens a turn that runs to the next such break.
      const inlineTurn = !lineStart && sentence.start > block.contentStart ? inlineColonTurn(text, sentence.start, block.end, inlineLabels, tokenizer, people) : null;
      // …焦点となります。経団連・森田会長：賃金は…。 a sound bite run into the story, its label a person with a post.
      const bite = !inlineTurn && !lineStart && sentence.start > block.contentStart ? soundBite(text, sentence, tokenizer, people) : null;
      if (bite) {
        drafts.push(bite);
        current = bite.speaker;
        previous = null;
        continue;
      }
      if (inlineTurn) {
        drafts.push(inlineTurn);
        current = inlineTurn.speaker;
        turnEnd = inlineTurn.content.end;
        turn = null;
        answer = null;
        previous = null;
        continue;
      }
      // A sentence that opens no turn goes on with the turn before it; an interviewer's question (――…?) ends it.
      if (turn && (QUESTION_MARK.test(text.slice(sentence.start, sentence.start + 3)) || !lengthenTurn(text, turn, sentence.start, sentence.end))) turn = null;
      // 〔…について問われ、〕…: a summary of a press conference gives each answer after the question it answers, in
      // brackets; the answer is the principal's.
      if (principal && sentence.start === block.contentStart && askedLead(text, sentence.start, block.end)) interviewee ??= principal;
      // An interview: ――question? then the answer, which is the interviewee's (the person speaking before).
      const lead = text.slice(sentence.start, sentence.start + 3);
      // (A question opening a paragraph runs to its end: ――台湾総統選がありました。習氏は…と言っていますが、…でしょう。)
      // (Where the paragraph's lines are paragraphs of their own, the question is its line: the answer is on the next.)
      if (QUESTION_MARK.test(lead) && (sentence.start === block.contentStart || text[sentence.start - 1] === '\n')) {
        questionBlock = b;
        const nl = text.indexOf('\n', sentence.start);
        // (A line that ends on a stop or a question mark: one that does not wraps on to the next.)
        questionEnd = nl >= 0 && nl < block.end && /[。?？」]$/.test(text.slice(sentence.start, nl).trimEnd()) ? nl : block.end;
      }
      if (questionBlock === b && sentence.start >= questionEnd) questionBlock = -1;
      // (問)…(答)… in one block: the answer ends the question.
      if (questionBlock === b && ANSWER_LABEL.test(text.slice(sentence.start, sentence.start + 4))) questionBlock = -1;
      if (QUESTION_MARK.test(lead) || questionBlock === b) {
        turn = null;
        // (Not where the answers stand labelled in the question's own paragraph, Q.…? (李教授) 「…」: the paragraph
        // after it is no answer.)
        if (!labelled.some((l) => l.rule === 'label-paren' && l.content.start > sentence.start)) interviewee ??= interviewed ?? (current?.people.length === 1 && current.people[0]!.type === 'person' ? current : null) ?? principal;
        answer = null;
        previous = null;
        // ―― 北陵党の森戸代表は昨日、…と述べた。この発言への見解は? A question may report what someone named said:
        // that claim stands (the question itself is no claim, and carries no speaker on).
        for (const piece of cutLong(text, sentence)) {
          const asked = analyzeSentence(new SentenceView(text, piece, tokenizer, markerAt, people), people, null, null, null);
          for (const d of asked.drafts) if (d.mention === 'explicit' && d.speaker.people.every((p) => p.type !== 'media' && p.type !== 'group')) drafts.push(d);
        }
        continue;
      }
      for (const piece of cutLong(text, sentence)) {
        // A part ends before a piece: the drafts of the piece before stay open, as a relay in this one may give them a source.
        if (piece.start - partStart >= partSize) {
          yield finishPart(piece.start, openFrom, openStart);
          openFrom = 0;
          openStart = piece.start;
        }
        const pieceFrom = drafts.length;
        const sd = new SentenceView(text, piece, tokenizer, markerAt, people);
        // X氏が、(改行)「…」(改行)と、…と述べた: a quotation standing as its own block(s), closed by a line that opens with と.
        const block = quoteBlockBefore(sd, people, current);
        if (block) { drafts.push(block); current = block.speaker; }
        // X大統領は会見で「…」(改行)「…」(改行)「…」と述べた: quotations line after line, one cue closing the last.
        const run = block ? null : quoteRunBefore(sd, people, current, markerAt);
        if (run) { drafts.push(run); current = run.speaker; }
        for (; spokeRead < drafts.length; spokeRead++) for (const p of drafts[spokeRead]!.speaker.people) spoke.add(p);
        const result = analyzeSentence(sd, people, current, previous, lastPiece, spoke);
        if (run) result.drafts = result.drafts.filter((d) => !(run.content.start <= d.content.start && d.content.end <= run.content.end));
        // 逮捕容疑は、…としている: the charge as a story states it, with no one named who states it, is no one's claim.
        if (CHARGE_OPENING.test(text.slice(piece.start, piece.start + 12))) result.drafts = result.drafts.filter((d) => d.mention === 'explicit');
        // 戸川教授に聞いた。/ …氏に話を聞きました: the person an interview is with speaks next.
        const lead = result.drafts.length ? null : interviewLead(sd);
        if (lead) {
          current = people.resolve(lead, current) ?? current;
          interviewed = current;
        }
        const intro = result.drafts.length || lead ? null : selfIntroduction(sd);
        const introduced = intro ? people.resolve(intro, current) : null;
        // (One who introduces themselves is the principal an office in the title stood for.)
        if (introduced) {
          current = introduced;
          if (!principal || principal.people.every((p) => p.type === 'government')) {
            // (The office's answers so far were the one who now introduces themselves.)
            if (interviewee && interviewee === principal) interviewee = introduced;
            principal = introduced;
          }
        }
        // 「…」こう語る X氏。 introduces the next interviewee: the answers so far are over.
        if (result.drafts.some((d) => d.rule === 'kou')) { interviewee = null; answer = null; }
        // (Inside a turn, what its speaker says or thinks with no one named is the turn already: …と思っています in the
        // 知事's turn. One named, 山中市長は…と述べた, is a narrator's report, not the turn's words.)
        const own = turn ? result.drafts.filter((d) => !(d.mention !== 'explicit' && sameSpeakers(d.speaker, turn!.speaker) && turn!.content.start <= d.content.start && d.content.end <= turn!.content.end)) : result.drafts;
        drafts.push(...withoutRestatements(labelledQuotes.length ? own.filter((d) => !insideThought(d, labelledQuotes)) : own));
        // 「…国家情報院は『…』と伝えた」とし: what a quotation reports others said, named inside it, is theirs, through it.
        for (const d of own) if (d.kind === 'quote' && d.cue) drafts.push(...quotedReports(text, d, tokenizer, markerAt, people));
        unattributed.push(...result.unattributed);
        // (An answer under its speaker's label, 森川大臣「…」, is the label's claim already.)
        // (A self-introduction or a greeting is no claim.)
        // (Nor is a paragraph that a turn of the same speaker's runs on into: 【X大臣】… and the paragraphs after it.)
        // (Nor is a turn of someone else's, a question under its label: Q 代表幹事(北陽新聞) / …お願いします。)
        const inTurn = !!turn && !!interviewee && turn.content.start <= piece.start && piece.end <= turn.content.end + 1;
        // (Nor is a page's menu item under it, ピックアップ: a short line with no kana of speech and no stop.)
        // (Nor is a quotation credited in parentheses to whoever said it, 「…」(ゴルフ場従業員): theirs, named or not.)
        const pieceText = text.slice(piece.start, piece.end).trim();
        const credited = CREDITED_QUOTATION.test(pieceText);
        // (A question answered so was put to the one credited: no interview goes on after it.)
        if (credited) { interviewee = null; answer = null; }
        if (interviewee && !introduced && !inTurn && !credited && !GREETING.test(pieceText) && !MENU_ITEM.test(pieceText) && !labelled.some((l) => l.content.start < piece.end && piece.start < l.content.end)) {
          // The whole answer is the interviewee's, claims of others it reports included.
          const whole = trimSpan(text, piece);
          // (A:… / 答:…: the answer's label is no part of it.)
          // (Nor is the interviewee's own name before a quotation, 森川大臣「…」, the rest of the answer inside it.)
          const label = ANSWER_LABEL.exec(text.slice(whole.start, whole.start + 4)) ?? askedLead(text, whole.start, whole.end) ?? namedAnswerLabel(text, whole.start, interviewee);
          let span = label ? { start: whole.start + label[0].length, end: whole.end } : whole;
          // (An answer printed as a quotation of its own, 「…」, is one answer: the words inside the brackets.)
          const quoted = !label && QUOTE_OPEN.has(text[span.start] ?? '') && closes(text, span.start) === span.end - 1 && span.end - span.start > 2;
          if (quoted) span = { start: span.start + 1, end: span.end - 1 };
          if (answer && !label && !quoted && !answer.quoted && /^[\s。]*$/.test(text.slice(answer.content.end, whole.start))) {
            answer.content = boundContent({ start: answer.content.start, end: span.end });
          } else {
            const cue = label ? { start: whole.start, end: whole.start + label[0].trimEnd().length } : null;
            answer = { speaker: interviewee, via: [], kind: 'quote', cue, content: span, mention: 'context', rule: 'interview-answer', tokens: label ? label[0].trim() : '', quoted };
            drafts.push(answer);
          }
        }
        if (result.current) current = result.current;
        // 記者会見の全文は以下の通り。: what follows is the transcript of the person the paragraph is about.
        if (!interviewee && current?.people.length === 1 && current.people[0]!.type === 'person' && TRANSCRIPT_FOLLOWS.test(text.slice(piece.start, piece.end))) {
          interviewee = current;
          answer = null;
        }
        previous = { span: piece, drafts: result.drafts };
        openFrom = pieceFrom;
        openStart = piece.start;
        lastPiece = piece;
        lastPieceBlock = b;
      }
    }
  }
  return finishPart(text.length);
}

/**
 * The claims a quotation reports (…で国家情報院は『…』と伝えた, inside 「」): read as a sentence of its own, those whose
 * speaker is named there and is not the quotation's, each through the quotation's speaker.
 */
function quotedReports(text: string, outer: Draft, tokenizer: JaTokenizer, markerAt: Map<number, DraftFootnote>, book: SpeakerBook): Draft[] {
  const { start, end } = outer.content;
  // (Most quotations hold no report: only one with a quotation of its own and a と after it is read.)
  const inner = text.slice(start, end);
  // (One sentence: a passage of several is read sentence by sentence where it stands, not as one here.)
  if (end - start > 300 || !/[『「][^』」]+[』」](?:と|って)/.test(inner) || /[。\n]/.test(inner.replace(/[『「][^』」]*[』」]/g, '').replace(/。$/, ''))) return [];
  const got = analyzeSentence(new SentenceView(text, { start, end }, tokenizer, markerAt, book), book, null, null, null);
  const by = outer.speaker.people;
  return got.drafts.filter((d) => d.mention === 'explicit' && !d.speaker.people.some((p) => by.includes(p)) && d.speaker.people.every((p) => p.type !== 'group'))
    .map((d) => ({ ...d, via: d.via.length ? d.via : [...by] }));
}

/** The interviewee's name or post as the label of a quotation that opens an answer (森川大臣「…), as a match of the label. */
function namedAnswerLabel(text: string, at: number, interviewee: Speaker): RegExpExecArray | null {
  const m = /^([^「」\s、。]{1,20})(?=「)/.exec(text.slice(at, at + 24));
  const p = interviewee.people[0];
  if (!m || !p || interviewee.people.length !== 1) return null;
  const label = m[1]!;
  return label === p.name || p.aliases.has(label) || label.startsWith(p.name) && isPost(label.slice(p.name.length)) ? m : null;
}

/** A turn labelled with a post alone ((知事), 大臣:) in a press conference whose principal holds that post is theirs. */
function byPrincipal(d: Draft, principal: Speaker | null): Draft {
  const p = principal?.people[0];
  if (!p || !d.rule.startsWith('label-turn') || !isPost(d.tokens) || !holds(p.title ?? '', d.tokens)) return d;
  return { ...d, speaker: principal!, mention: 'context' };
}

/**
 * Whether a title or a name with its post (復興大臣, 岸本一郎首相) holds the bare post (大臣, 首相): a former holder
 * (元首相, 前首相) or a deputy (副大臣, 次官補) is not the one a bare post means.
 */
function holds(titled: string, post: string): boolean {
  return titled.endsWith(post) && !/[元前副次補]$/.test(titled.slice(0, -post.length));
}

/** The heading of a press conference's opening statement. */
const OPENING_REMARKS = /^[\s\d.．、)）■□◆◇●○▼▽◎]*(?:冒頭\s*$|冒頭発言|発言要旨|冒頭発言要旨|冒頭の発言|大臣からの発言|会長からの発言|冒頭説明|発表事項|報告事項|(?:知事|市長|町長|村長|区長|大臣|長官|会長|社長|総理|首相)(?:からの)?(?:発表|発言|報告)\s*$)/;
/** A press conference's title (…記者会見, …会見録, …会見要旨, …会見の全文). */
const CONFERENCE = /(?:記者会見|会見録|会見要旨|会見概要|定例会見|臨時会見|閣議後会見|会見の模様|会見(?:の)?(?:全文|詳報|要約|一問一答))/;
/** The principal a press conference's title names before `end` (where 記者会見 stands): the one person named there. */
function conferencePrincipal(end: number, block: ClassifiedBlock, registry: PeopleRegistry, from = block.contentStart): Speaker | null {
  const named = registry.mentionsIn(from, end).filter((x) => x.person.type === 'person');
  const people = [...new Set(named.map((x) => x.person))];
  if (people.length === 1) return { people, source: { start: named[0]!.start, end: named[0]!.end } };
  // 大臣臨時会見概要, 知事定例記者会見: an office alone names the principal, a role-only official (the government).
  if (people.length) return null;
  // (防衛大臣記者会見: the portfolio is part of the office.)
  const office = /(?:^|[^\u4e00-\u9fff々])((?:外務|防衛|財務|総務|法務|文部科学|厚生労働|農林水産|経済産業|国土交通|環境|復興|デジタル|官房)?(?:大臣|副大臣|長官|知事|市長|町長|村長|区長|総理|首相|報道官))(?=(?:定例|臨時|閣議後)?(?:記者)?会見)/.exec(registry.text.slice(block.contentStart, end + 8));
  if (!office) return null;
  const at = block.contentStart + office.index + office[0].length - office[1]!.length;
  const who = registry.people.find((p) => p.name === office[1] && p.type === 'government') ?? registry.addPerson({ name: office[1]!, organization: null, title: null, type: 'government' });
  return { people: [who], source: { start: at, end: at + office[1]!.length } };
}

/** The person a conference line names right before 会見 (森川防衛大臣閣議後会見), read as a label; null for anyone else. */
function conferenceLabel(text: string, block: ClassifiedBlock, at: number, tokenizer: JaTokenizer, book: SpeakerBook): Speaker | null {
  const before = text.slice(block.contentStart, block.contentStart + at);
  // (北川経済産業大臣の閣議後記者会見: の between the one who holds it and the kind of conference.)
  const m = /([\u4e00-\u9fff々\u30A1-\u30FA\u30FC・]{2,16}?)(?:の)?[ \u3000]?(?:定例|臨時|閣議後)?(?:記者)?$/.exec(before);
  // (令和3年度以前知事記者会見: words run on from a number name no one.)
  if (!m || /[\p{N}A-Za-z]$/u.test(before.slice(0, m.index))) return null;
  const start = block.contentStart + m.index;
  const span = { start, end: start + m[1]!.length };
  const who = labelSpeaker(m[1]!, span, tokenizer, book, 'conference');
  if (who && who.people.length === 1 && who.people[0]!.type === 'person') return who;
  // (北陵県知事 定例記者会見: an office held by no one named is a role-only official, who answers as the government.)
  if (!OFFICE_ENDING.test(m[1]!) || who && who.people.some((p) => p.type !== 'government')) return null;
  const toks = tokenizer.tokenize(m[1]!, start);
  return book.resolve({ from: 0, to: toks.length, start, end: span.end, text: m[1]!, type: 'government', core: m[1]!, organization: null, title: null }, null, span);
}

/**
 * A transcript's turn (○X君 …, 森山委員長 …, 首相 …, 戸田: …) as one that later sentences may lengthen, or null:
 * a transcript heads every turn, so what follows a turn up to the next is its speaker's. One quotation
 * ((X氏)「…」) is whole.
 */
function openTurn(text: string, d: Draft): Draft | null {
  return QUOTE_OPEN.has(text[d.content.start - 1] ?? '') ? null : d;
}

/**
 * Lengthens an open turn over the sentence text[from, to) when only white space lies between, as far as a content
 * may run; false when the turn is over. A line that is no sentence (a credit, (編集KS); a source, 「…」2021年9月10日;
 * the title of a related article) ends the transcript.
 */
function lengthenTurn(text: string, turn: Draft, from: number, to: number): boolean {
  const end = trimWhite(text, from, to).end;
  if (end <= turn.content.end) return true;
  // A bracketed label at the head of the sentence is another turn, whoever it names ((北東新聞)…).
  if (BRACKET_LABEL_HEAD.test(text.slice(from, from + 24))) return false;
  if (!SENTENCE_END.test(text[end - 1]!) || end - turn.content.start > MAX_CONTENT || !/^\s*$/.test(text.slice(turn.content.end, from))) return false;
  turn.content = { start: turn.content.start, end };
  return true;
}
const SENTENCE_END = /[。?？!！」]/;
/** A speaker's label in brackets: (知事), 【北東新聞】, (上田:NHK記者); the label inside is group 2. */
const BRACKET_LABEL = '([(（【〔]([^()（）【】〔〕\\n「」。、]{1,20})[)）】〕])';
const BRACKET_LABEL_HEAD = new RegExp(`^\\s*${BRACKET_LABEL}`);

/** Drafts into attributions, numbered from 1, a draft with the content and speakers of one before it dropped. */
function finishDrafts(text: string, footnotes: readonly DraftFootnote[], byStart: Map<number, DraftFootnote>, drafts: readonly Draft[]): Attribution[] {
  const seen = new Set<string>();
  const out: Attribution[] = [];
  for (const d of drafts) {
    // An answer given as one quotation: its content is inside the brackets.
    if (d.rule === 'interview-answer' && QUOTE_OPEN.has(text[d.content.start]!)) {
      const close = closes(text, d.content.start);
      if (close === d.content.end - 1 || close < 0 || close >= d.content.end) d.content = { start: d.content.start + 1, end: close === d.content.end - 1 ? close : d.content.end };
    }
    const key = `${d.content.start}:${d.content.end}:${d.speaker.people.map((p) => p.id).join(',')}`;
    if (seen.has(key) || d.content.end <= d.content.start) continue;
    seen.add(key);
    for (const p of d.speaker.people) if (p.role === 'mentioned') p.role = 'speaker';
    out.push(finish(text, footnotes, byStart, d, out.length));
  }
  return out;
}

/**
 * A claim whose cue and content lie inside another claim of the same speakers in the sentence restates part of it
 * (国家情報院は、…輸出したことを確認したと明らかにした: the confirming is inside what was made public): the outer
 * claim stands for both.
 */
function withoutRestatements(drafts: Draft[]): Draft[] {
  if (drafts.length < 2) return drafts;
  // A folded block gives a piece dozens of drafts: the spans are compared first, the speakers only when they nest.
  return drafts.filter((d) => !d.cue || !drafts.some((e) => e !== d && e.cue !== null
    && e.content.start <= d.cue!.start && d.cue!.end <= e.content.end && e.content.start <= d.content.start && d.content.end <= e.content.end
    && sameSpeakers(e.speaker, d.speaker)));
}

/** A thought (…と思う, …と考える) whose cue stands inside a labelled quotation: the quotation's speaker's, which it stands for. */
function insideThought(d: Draft, quotes: readonly Span[]): boolean {
  return d.cue !== null && /[思考感]/.test(d.tokens) && quotes.some((q) => q.start <= d.cue!.start && d.cue!.end <= q.end);
}

/** Whether two speakers are the same people in the same order. */
function sameSpeakers(a: Speaker, b: Speaker): boolean {
  return a.people.length === b.people.length && a.people.every((p, i) => p.id === b.people[i]!.id);
}

/** The first index of the sorted `xs` whose value is at least `at`. */
export function lowerBound(xs: readonly number[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ------------------------------------------------------------------------------------------ sentence view

/** Tokens the analyser may group of which each character is a token here: brackets (「( or 」、) and marks. */
const GROUPED_BRACKETS = /[「」『』()（）【】]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPENING_BRACKET = /[「『(（【]/;
const CLOSING_BRACKET = /[」』)）】]/;
const DIGITS = /^[\d０-９]+$/;
const SPACES = /^\s+$/;
const NONE: readonly number[] = [];

/** Whether `s` opens with a kana or kanji letter (so has a letter): most words do, and need no pattern tried. */
function opensWithKanaOrKanji(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x3041 && c <= 0x3096 || c >= 0x30a1 && c <= 0x30fa || c >= 0x4e00 && c <= 0x9fff;
}
const NO_MATCHES: ReadonlyMap<number, number> = new Map();

/** A reading in brackets after a kanji word (牽制(けんせい), 揶揄（やゆ）): kana only, as newspapers gloss. */
const READING = /^[(（][\u3041-\u3096\u30A1-\u30FA\u30FC]{1,12}[)）]$/;

/**
 * The tokens without readings glossed after kanji words (…と牽制（けんせい）した reads as …と牽制した), so that the
 * grammar sees the words; spans still point into the text, which keeps the reading.
 */
function withoutReadings(text: string, toks: JaToken[]): JaToken[] {
  let out: JaToken[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if ((t.surface === '(' || t.surface === '（') && i > 0 && /[\u4e00-\u9fff々]$/.test(toks[i - 1]!.surface)) {
      let c = i + 1;
      while (c < toks.length && c <= i + 6 && toks[c]!.surface !== ')' && toks[c]!.surface !== '）') c++;
      // (Not a name's reading before its post, 侯友宜(こうゆうぎ)新北市長: the name's rules read that one.)
      if (c < toks.length && c <= i + 6 && READING.test(text.slice(t.start, toks[c]!.end)) && toks[c + 1]?.pos !== '名詞') {
        out ??= toks.slice(0, i);
        i = c;
        continue;
      }
    }
    out?.push(t);
  }
  return out ?? toks;
}

/**
 * One sentence, tokenised, with its quotation brackets matched and footnote markers known. Every sentence of a
 * document is one, and what it allocates slows the analyser that runs between sentences (the nursery it churns
 * evicts the dictionary from the caches): its per-token facts are plain arrays of the sentence's length (a typed
 * array of more than 64 bytes is allocated outside the heap), those that are mostly empty are made only when the
 * sentence has an entry, and the analyser's tokens are copied only when a group of symbols must be split.
 */
class SentenceView {
  readonly toks: JaToken[];
  /** Bracket depth of each token (inside 「…」 > 0; read as a truth test, as a sentence without quotations has none). */
  readonly depth: readonly number[];
  /** Matching closer for each opening bracket token, and back. */
  readonly match: ReadonlyMap<number, number>;
  /** 1 at a footnote marker (read as true or false, as are `skip` and `depth`: an empty array answers false at any index). */
  readonly marker: readonly number[];
  /** 1 where prev() and next() step over a token: a footnote marker or white space. */
  readonly skip: readonly number[];

  constructor(readonly text: string, readonly span: Span, readonly tokenizer: JaTokenizer, markerAt: Map<number, DraftFootnote>, readonly book: SpeakerBook) {
    const raw = tokenizer.tokenize(text.slice(span.start, span.end), span.start);
    // The analyser groups runs of symbols (「( or 」、): brackets and marks are one token each here.
    let split: JaToken[] | null = null;
    for (let i = 0; i < raw.length; i++) {
      const t = raw[i]!;
      if (t.surface.length > 1 && (t.pos === '記号' || !opensWithKanaOrKanji(t.surface) && GROUPED_BRACKETS.test(t.surface) && !LETTER_OR_DIGIT.test(t.surface))) {
        split ??= raw.slice(0, i);
        for (let k = 0; k < t.surface.length; k++) {
          const ch = t.surface[k]!;
          split.push({ ...t, surface: ch, base: ch, start: t.start + k, end: t.start + k + 1, pos: '記号', pos1: OPENING_BRACKET.test(ch) ? '括弧開' : CLOSING_BRACKET.test(ch) ? '括弧閉' : t.pos1 });
        }
      } else if (split) {
        split.push(t);
      }
    }
    this.toks = withoutReadings(text, split ?? raw);
    const n = this.toks.length;
    let marker: number[] | null = null;
    let skip: number[] | null = null;
    let match: Map<number, number> | null = null;
    let depth: number[] | null = null;
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.toks[i]!;
      const marked = markerAt.size > 0 && markerAt.has(t.start) && DIGITS.test(t.surface);
      if (marked) (marker ??= new Array<number>(n).fill(0))[i] = 1;
      if (marked || t.pos === '記号' && SPACES.test(t.surface)) (skip ??= new Array<number>(n).fill(0))[i] = 1;
      // (Every quotation bracket is one code unit: read as a number, not looked up as a string, for every token.)
      const quote = t.surface.length === 1 ? QUOTE_UNIT[t.surface.charCodeAt(0)]! : 0;
      if (quote === 1) {
        // (Every token before the first opener is at depth 0.)
        (depth ??= new Array<number>(n).fill(0))[i] = stack.length;
        stack.push(i);
        continue;
      }
      if (quote === 2 && stack.length) {
        const open = stack.pop()!;
        match ??= new Map();
        match.set(open, i);
        match.set(i, open);
        depth![i] = stack.length;
        continue;
      }
      if (depth) depth[i] = stack.length;
    }
    this.marker = marker ?? NONE;
    this.skip = skip ?? NONE;
    this.match = match ?? NO_MATCHES;
    // An opener never closed in the sentence: its tokens are not inside a quotation after all.
    for (const open of stack) for (let k = open; k < n; k++) depth![k] = Math.max(0, depth![k]! - 1);
    this.depth = depth ?? NONE;
  }

  private tails: number[] | null = null;
  private circumstance: boolean | null = null;

  private matter: boolean | null = null;

  /** Whether a noun of a matter in the news stands in the sentence (…問題で、): skipAdverbials looks for a lead then. */
  hasMatter(): boolean {
    this.matter ??= this.toks.some((t) => MATTER_NOUNS.has(t.surface));
    return this.matter;
  }

  /** Whether a 中 or なか stands in the sentence (…が続く中、): skipAdverbials looks for one after every adverbial. */
  hasCircumstance(): boolean {
    this.circumstance ??= this.toks.some((t) => t.surface === '中' || t.surface === 'なか');
    return this.circumstance;
  }

  /** The tokens outside quotations that can begin an evidential tail (という, とのこと, と), in order; made once. */
  tailCandidates(): readonly number[] {
    if (this.tails) return this.tails;
    this.tails = [];
    for (let k = 0; k < this.toks.length; k++) {
      const w = this.toks[k]!.surface;
      if (!this.depth[k] && (w === 'と' || w === 'という' || w === 'とのこと')) this.tails.push(k);
    }
    return this.tails;
  }

  /** Previous token index skipping footnote markers and spaces, or -1. */
  prev(i: number, floor = 0): number {
    let k = i - 1;
    while (k >= floor && this.skip[k]) k--;
    return k >= floor ? k : -1;
  }

  next(i: number): number {
    let k = i + 1;
    while (k < this.toks.length && this.skip[k]) k++;
    return k;
  }
}

// ------------------------------------------------------------------------------------------ cues

function isQuotativeTo(v: SentenceView, i: number): boolean {
  const t = v.toks[i]!;
  if (commaTo(v, i)) {
    // …とは思えない、と不信感を露わにした / …遠い、と X 氏は述べた: after a comma the analyser may read と as a
    // filler or as "and"; a clause before the comma and a reporting predicate after (perhaps after its
    // speaker) make it quotative.
    const before = v.toks[v.prev(i - 1)];
    if (before && (/^(?:動詞|助動詞|形容詞)$/.test(before.pos) || closesQuote(before.surface))) {
      const found = predicateAfter(v, v.next(i));
      if (found && !isThought(v.toks[found.at]!)) return true;
      // (…テストしている、との見方を示した: a view voiced after と.)
      if (v.toks[v.next(i)]?.surface === 'の' && viewChain(v, v.next(i) + 1) !== null) return true;
    }
  }
  if (t.pos !== '助詞') return false;
  if (t.surface === 'って' && (t.pos2 === '引用' || t.pos1 === '格助詞' || t.pos1 === '副助詞')) return true;
  // …ているとも指摘した: the analyser makes とも one conjunctive particle ("even if"); before speech it is と + も.
  if (t.surface === 'とも' && t.pos1 === '接続助詞') {
    const q = v.toks[v.next(i)];
    return q !== undefined && isSpeechPredicate(q) && !isThought(q);
  }
  if (t.surface !== 'と') return false;
  if (t.pos2 === '引用') return true;
  // …働いていると話した / …するだろうと語った: the analyser reads と after a predicate as "when" (or as a plain
  // case particle); before a verb of speech it quotes.
  if (t.pos1 === '格助詞' && v.toks[v.prev(i)]?.pos1 === '形容動詞語幹' && v.toks[i + 1]?.surface === 'の' && viewChain(v, i + 2) !== null) return true;
  // …国益を守るためとしている: a clause closed by ため, then とする.
  if (t.pos1 === '格助詞' && /^(?:ため|為)$/.test(v.toks[v.prev(i)]?.surface ?? '') && v.toks[v.next(i)]?.base === 'する') return true;
  // …広がっていることへの対応とした: a noun heading a clause, then とする.
  if (t.pos1 === '格助詞' && v.toks[v.prev(i)]?.pos === '名詞' && v.toks[v.next(i)]?.base === 'する' && v.toks[v.next(i)]!.pos === '動詞' && nounHeadsClause(v, i)) return true;
  // …不満が噴出した選挙と分析する: the analyser reads と after a noun as "and" ("election and analysis"); after a noun
  // heading a clause and before a verbal noun of speech with する, it quotes.
  if (t.pos1 === '並立助詞' && v.toks[v.prev(i)]?.pos === '名詞' && nounHeadsClause(v, i)) {
    const q = v.toks[v.next(i)];
    if (q && q.pos1 === 'サ変接続' && isSpeechPredicate(q) && !isThought(q) && v.toks[v.next(i) + 1]?.base === 'する' && v.toks[v.next(i) + 1]!.pos === '動詞') return true;
  }
  const afterPredicate = /^(?:動詞|助動詞|形容詞)$/.test(v.toks[v.prev(i)]?.pos ?? '');
  if (t.pos1 === '接続助詞' || t.pos1 === '格助詞' && afterPredicate) {
    const at = v.next(i);
    const q = v.toks[at];
    if (q && q.pos === '動詞' && isSpeechPredicate(q) && !isThought(q)) return true;
    // …関税を課すと表明した: a verbal noun of speech with する.
    if (q && q.pos === '名詞' && q.pos1 === 'サ変接続' && isSpeechPredicate(q) && !isThought(q) && v.toks[at + 1]?.base === 'する' && v.toks[at + 1]!.pos === '動詞') return true;
    // …訪米すると明らかにした: an adjectival noun, に and する voice it as one predicate.
    if (q && q.surface === '明らか' && niSuruAt(v, at) >= 0) return true;
    // …でないとくぎを刺した / と懸念を示した: a view noun and the verb that voices it.
    if (q && viewVoicedAt(v, at) >= 0) return true;
    // …行われるとX（旧ツイッター）で明らかにした / …するとの記者会見で述べた: where it was said, then the verb.
    if (q && phraseThenSpeech(v, at) > 0) return true;
    // …遅すぎると政府を批判した / …生かされていないと厚労省と機構をただした: the one the words were aimed at, then the verb.
    if (q && q.pos === '名詞' && targetThenSpeech(v, at) > 0) return true;
  }
  const p = v.prev(i);
  return p >= 0 && closesQuote(v.toks[p]!.surface);
}

/**
 * A short noun phrase of where or how something was said (記者会見, X（旧ツイッター）, 自身のSNS, 強い口調,
 * ポジティブなトーン), で, and a verb of speech from `k`: the end of the predicate, or -1.
 */
function phraseThenSpeech(v: SentenceView, k: number): number {
  const { toks } = v;
  let j = k;
  for (; j < toks.length && j < k + 8; j++) {
    const t = toks[j]!;
    if (t.pos === '名詞' && t.pos1 !== '非自立' && t.pos1 !== '代名詞' || t.pos === '接頭詞' || t.pos === '連体詞' || t.pos === '形容詞' && t.conj.startsWith('基本形')) continue;
    if (t.pos === '記号' && (t.pos1 === '括弧開' || t.pos1 === '括弧閉') || t.surface === 'の' && j > k) continue;
    if (t.surface === 'な' && t.pos === '助動詞' && toks[j - 1]?.pos1 === '形容動詞語幹') continue;
    break;
  }
  const last = toks[j - 1];
  if (j === k || !last || !(last.pos === '名詞' || last.pos1 === '括弧閉') || toks[j]?.surface !== 'で' || toks[j]!.pos !== '助詞') return -1;
  const q = toks[j + 1];
  if (q && q.pos === '動詞' && isSpeechPredicate(q) && !isThought(q)) return predicateEnd(v, j + 1);
  return q?.surface === '明らか' && niSuruAt(v, j + 1) >= 0 ? predicateEnd(v, j + 1) : -1;
}

/** Whether the quotation closed at token `close` holds words but no predicate (「二次制裁」, 「後詰め」). */
function quotesNounOnly(v: SentenceView, close: number): boolean {
  const open = v.match.get(close);
  if (open === undefined || close - open < 2) return false;
  for (let k = open + 1; k < close; k++) {
    const t = v.toks[k]!;
    if (t.pos === '動詞' || t.pos === '助動詞' || t.pos === '形容詞' || t.pos === '記号' && t.pos1 === '句点') return false;
  }
  return true;
}

/** Postpositions of what is spoken about: …について, …に関して, …をめぐり. */
const ABOUT_POSTPOSITION = /^(?:について|に関して|に関し|をめぐって|をめぐり|を巡って|を巡り)$/;

/** Where an aboutness phrase opening at `k` (…について、 / …に関しては、 / …をめぐり、) ends, past its comma; or -1. */
function aboutnessEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let j = k + 1; j < toks.length && j < k + 30; j++) {
    if (v.depth[j]) continue;
    const t = toks[j]!;
    // (A name in brackets is part of what is spoken about: 探査機「ホク」について、)
    if (opensQuote(t.surface) && titleAt(v, j)) { j = v.match.get(j)!; continue; }
    if (t.surface === '、' || t.surface === '。' || opensQuote(t.surface) || t.pos2 === '引用') return -1;
    // (A topic or a subject of the sentence is not inside it; one of a clause describing the noun is.)
    if (t.pos === '助詞' && (t.surface === 'は' || t.surface === 'も' || t.surface === 'が' && !modifiesNoun(v, j + 1))) return -1;
    if (t.pos === '助詞' && ABOUT_POSTPOSITION.test(t.surface)) {
      let e = j + 1;
      if (toks[e]?.surface === 'は') e++;
      return toks[e]?.surface === '、' ? e + 1 : -1;
    }
  }
  return -1;
}

/** Pieces that carry a person's words: インタビュー, 発言, 談話, 論文, 寄稿, コメント. */
const PIECES = /^(?:インタビュー|発言|談話|論文|寄稿|コメント|見解|手記)$/;

/**
 * The person whose piece a clause describes, from token `k`: X の PIECE (を|が) (Y研究所のゼービン氏のインタビューを); or null.
 */
function saidInPiece(v: SentenceView, k: number): SpeakerPhrase | null {
  const { toks } = v;
  for (let j = k; j < toks.length && j < k + 24; j++) {
    const t = toks[j]!;
    if (v.depth[j]) return null;
    if (t.surface === 'の' && PIECES.test(toks[j + 1]?.surface ?? '') && /^(?:を|が|は)$/.test(toks[j + 2]?.surface ?? '')) {
      const np = nounPhraseEndingAt(v.text, toks, j - 1, k);
      const sp = np ? classify(np, toks, v.book) : null;
      return sp && sp.type === 'person' ? sp : null;
    }
    if (t.pos !== '名詞' && t.surface !== 'の' && t.surface !== '・' && t.pos !== '接頭詞' && t.pos !== '記号') return null;
  }
  return null;
}

/** Whether a short bracketed title (「北辰モーターショー」, at most 12 tokens) opens at token `j`. */
function titleAt(v: SentenceView, j: number): boolean {
  const close = opensQuote(v.toks[j]!.surface) ? v.match.get(j) : undefined;
  return close !== undefined && close > j + 1 && close - j <= 12;
}

/** Whether a は or が stands in the clause before token `i` (back to a comma or the sentence start, outside quotations). */
function subjectInClause(v: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = v.toks[k]!;
    if (v.depth[k]) continue;
    if (t.surface === '、' || t.surface === '。') return false;
    if (t.pos === '助詞' && (t.surface === 'は' || t.surface === 'が')) return true;
  }
  return false;
}

/** と after a comma, read by the analyser as a filler or as a coordinating "and" (…ない、と). */
function commaTo(v: SentenceView, i: number): boolean {
  const t = v.toks[i]!;
  // (…重要な存在だからだ、と語った: a plain case particle too, right before a verb of speech.)
  const next = v.toks[i + 1];
  return t.surface === 'と' && v.toks[i - 1]?.surface === '、' && (t.pos === 'フィラー' || t.pos1 === '並立助詞' || t.pos1 === '格助詞' && (next?.surface === 'の' || !!next && next.pos === '動詞' && isSpeechPredicate(next) && !isThought(next)));
}

/** A quotation and など standing for と before a reporting predicate: 「…」などコメント, 「…」など語った. */
function isQuotativeNado(v: SentenceView, i: number): boolean {
  const t = v.toks[i]!;
  if (t.surface !== 'など' || t.pos !== '助詞') return false;
  const p = v.prev(i);
  const q = v.toks[v.next(i)];
  return p >= 0 && closesQuote(v.toks[p]!.surface) && q !== undefined && isSpeechPredicate(q) && !isThought(q);
}

/** Adjectival nouns that make a predicate with に + する: 明らかにする, (不満を)あらわにする, (立場を)鮮明にする. */
const NI_SURU = /^(?:明らか|あらわ|露わ|顕わ|鮮明|明確|新た)に$/;

/**
 * Where the する of an adjectival noun + に + する predicate starting at `k` stands, or -1. The surfaces are joined
 * because the analyser may cut the noun oddly (露|わに).
 */
function niSuruAt(v: SentenceView, k: number): number {
  let s = '';
  for (let j = k; j < v.toks.length && j < k + 3; j++) {
    s += v.toks[j]!.surface;
    if (NI_SURU.test(s)) return v.toks[j + 1]?.base === 'する' && v.toks[j + 1]!.pos === '動詞' ? j + 1 : -1;
  }
  return -1;
}

/**
 * A view noun and the verb that voices it from token `j` (懸念を示した, 不信感を露わにした, 立場を鮮明にした): the
 * index of the predicate's first token, or -1. The noun may be cut in two by the analyser (不信|感).
 */
function viewVoicedAt(v: SentenceView, j: number): number {
  const { toks } = v;
  const t = toks[j];
  if (!t || t.pos !== '名詞') return -1;
  let e = j + 1;
  if (!VIEW_NOUNS.has(t.surface)) {
    const n = toks[j + 1];
    if (!n || n.pos1 !== '接尾' || !VIEW_NOUNS.has(t.surface + n.surface)) return -1;
    e = j + 2;
  }
  if (toks[e]?.surface !== 'を') return -1;
  const p = toks[e + 1];
  if (!p) return -1;
  if (SHOW_PREDICATES.has(p.base)) return e + 1;
  return niSuruAt(v, e + 1) >= 0 ? e + 1 : -1;
}

/** Whether the words before a quotative と make a clause (or a quotation) rather than a noun (日本と中国). */
function clauseBefore(v: SentenceView, i: number): 'quote' | 'clause' | 'noun' | null {
  let p = v.prev(i);
  if (p >= 0 && v.toks[p]!.surface === 'など') p = v.prev(p);
  // …思えない、と (the と read as a filler): the clause is before the comma.
  if (p >= 0 && commaTo(v, i)) p = v.prev(p);
  if (p < 0) return null;
  const t = v.toks[p]!;
  if (closesQuote(t.surface)) return 'quote';
  if (t.pos === '動詞' || t.pos === '助動詞' || t.pos === '形容詞' || t.pos === '感動詞') return 'clause';
  if (t.pos === '助詞' && (t.pos1 === '終助詞' || t.pos1 === '副助詞／並立助詞／終助詞' || t.surface === 'か')) return 'clause';
  if (t.surface === '?' || t.surface === '？' || t.surface === '!' || t.surface === '！') return 'clause';
  if (t.pos === '名詞' || t.pos === '記号') return 'noun';
  return null;
}

function isVerbLike(t: JaToken): boolean {
  return t.pos === '動詞' || t.pos === '助動詞' || (t.pos === '助詞' && (t.pos1 === '接続助詞' || t.surface === 'て' || t.surface === 'で'));
}

/** Extends a predicate over its auxiliaries and endings (述べ|て|い|まし|た), stopping before 、。 */
function predicateEnd(v: SentenceView, k: number): number {
  // 明らかにした / 明らかにしました: the adjective, に and する are one predicate.
  const suru = niSuruAt(v, k);
  let e = suru >= 0 ? suru + 1 : k + 1;
  while (e < v.toks.length) {
    const t = v.toks[e]!;
    if (t.pos === '助動詞' || (t.pos === '動詞' && (t.pos1 === '非自立' || t.pos1 === '接尾')) || (t.pos === '助詞' && /^(?:て|で|ながら|つつ|た)$/.test(t.surface))) { e++; continue; }
    if (t.pos === '動詞' && t.base === 'する' && v.toks[e - 1]!.pos === '名詞') { e++; continue; }
    if (t.pos === '名詞' && t.pos1 === '接尾' && /^(?:上|うえ)$/.test(t.surface)) { e++; continue; }
    if ((t.surface === '上' || t.surface === 'うえ') && v.toks[e - 1]!.surface === 'た') { e++; continue; }
    break;
  }
  // …た上で, …たうえで: the で belongs to the cue.
  if (e < v.toks.length && v.toks[e]!.surface === 'で' && /^(?:上|うえ)$/.test(v.toks[e - 1]!.surface)) e++;
  return e;
}

/** Verbs of saying whose passive is only one of respect (述べられた, 説明された: no one is 説明 by another). */
const HONORIFIC_SPEECH = new Set(['述べる', '説明', '語る', '話す', '強調', '表明', '発言', '言及', '明言', '答弁', '述懐']);

/** A passive or potential ending (と考えられる, とされる, と指摘されている): no one is named as the holder. */
function isPassive(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = v.toks[k]!;
    if (t.pos === '動詞' && (t.base === 'れる' || t.base === 'られる') && t.pos1 === '接尾') return true;
    if (t.pos === '助動詞' && (t.base === 'れる' || t.base === 'られる')) return true;
  }
  return false;
}

function isSpeechPredicate(t: JaToken): boolean {
  if (t.pos === '動詞' && t.pos1 === '自立' && SPEECH_VERBS.has(t.base)) return true;
  if (t.pos === '名詞' && SPEECH_NOUNS.has(t.surface)) return true;
  return false;
}

function isThought(t: JaToken): boolean {
  return /^(?:見る|みる|見込む|考える|思う|信じる|感じる|判断|予想|期待|予測)$/.test(t.base);
}

/** Brackets that may round a cited passage of several paragraphs after 次のように報じた: opener → closer. */
const BLOCK_CLOSE: Record<string, string> = { '《': '》', '『': '』', '〈': '〉' };

/** Who a statement is addressed to, before what was said: 記者団に, 国内メディアに対して. */
const AUDIENCE = /(?:記者団|記者|記者ら|報道陣|メディア|報道機関|聴衆|支持者|支持者ら|国民|市民|参加者)$/;
/** A state or its government as the addressee (a country in katakana, 米国, 東国政府, 外務省): not one asked to act, as 住民に対し、 is. */
const ADDRESSED_STATE = new RegExp(`^(?:${STATE_NAMES.source.replace(/^\^|\$$/g, '')}|[\u30A1-\u30FA\u30FC・]{2,}|[\u4e00-\u9fff]{1,6}(?:政府|当局|省|庁))$`);

/** An audience: the kinds above, or an outlet spoken to (北洋ニュースに対し、). */
function isAudience(noun: string): boolean {
  return AUDIENCE.test(noun) || MEDIA_TAILS.test(noun) || KATAKANA_MEDIA.test(noun);
}

/** A document as the place of what is said: 報告書で、 / 報告書では、 / 声明の中で、. */
const DOCUMENT_VENUE = /(?:報告書|白書|声明|声明文|論文|談話|文書|リポート|レポート)(?:の中)?(?:で|では|においては)、$/;

/** Nouns of possibility or supposition a predicate may modify: …と宣言する可能性, …と主張する恐れ, …と判断する場合. */
const MODAL_NOUNS = /^(?:可能性|恐れ|おそれ|公算|見込み|余地|危険性|場合|ケース|限り)$/;
/** はず and わけ after a predicate, denied (…と答えるはずもなく, …と言うわけがない): nothing was said. */
function deniedExpectation(v: SentenceView, end: number): boolean {
  const t = v.toks[end];
  if (!t || t.surface !== 'はず' && t.surface !== 'わけ') return false;
  for (let k = end + 1; k < v.toks.length && k <= end + 3; k++) {
    const n = v.toks[k]!;
    if (n.base === 'ない' || n.surface === 'なく' || n.surface === 'ぬ') return true;
  }
  return false;
}

/** Nouns of an intention a clause may modify (…判断する考えを示した, …検討する意向を示している). */
const INTENT_NOUNS = new Set(['考え', '意向', '方針', '姿勢', '考え方', '意思', '構え', '見通し', '見込み']);
/** Their first code units: every noun is asked, and a number is looked up without hashing a new string. */
const INTENT_FIRST = new Set([...INTENT_NOUNS].map((w) => w.charCodeAt(0)));

/**
 * Where the noun modified by the predicate at `k` starts, when the predicate (with its auxiliaries) ends in an
 * adnominal form right before a noun (渡りあった|森戸…); otherwise -1.
 */
function relativeClauseEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  let e = k + 1;
  while (e < toks.length && (toks[e]!.pos === '助動詞' || toks[e]!.pos === '動詞' && (toks[e]!.pos1 === '非自立' || toks[e]!.pos1 === '接尾') || toks[e]!.surface === 'て' && toks[e]!.pos === '助詞')) e++;
  const last = toks[e - 1]!;
  const next = toks[e];
  if (!next || next.pos !== '名詞' || next.pos1 === '非自立' || next.pos1 === '接尾') return -1;
  return last.conj.startsWith('基本形') || last.surface === 'た' ? e : -1;
}

/** Whether a noun phrase closed by は, が or も follows from token `k` (a topic ahead, not a clause). */
function topicAhead(v: SentenceView, k: number): boolean {
  const { toks } = v;
  for (let j = k; j < toks.length && j < k + 16; j++) {
    const t = toks[j]!;
    // (同席した森山長官も: も closes a topic as は does.)
    if (t.pos === '助詞' && (t.surface === 'は' || t.surface === 'が' || t.surface === 'も')) return j > k;
    // (…研究所のシンクタンク、PHP総研は: a body's kind, a comma, then its name.)
    if (t.surface === '、' && j > k && BODY_KIND.test(toks[j - 1]!.surface)) continue;
    if (!(t.pos === '名詞' || t.surface === 'の' || t.surface === '・' || t.pos === '接頭詞' || t.pos === '記号' && t.pos1 !== '句点' && t.surface !== '、')) return false;
  }
  return false;
}

/** Words of an office that the people pass may read into a name before its post (北川外務 of 北川外務副大臣). */
const OFFICE_WORD = new RegExp(`^(?:${MINISTRY_OFFICES.join('|')}|外交|内閣|官房|経済|国家|統一|法務|文部|厚生|農林|国土|環境|経産|総理|代理|臨時)`);
/** Whether `s` opens with a post (総裁会見 of 黒田総裁会見). */
function startsWithPost(s: string): boolean {
  for (let n = Math.min(s.length, 8); n >= 2; n--) if (isPost(s.slice(0, n))) return true;
  return false;
}

/** The kind of a body, standing before its name as an appositive (情報機関、国家情報院は). */
const BODY_KIND = /(?:^|の)(?:情報機関|諜報機関|捜査機関|当局|政府機関|通信社|シンクタンク|研究機関|調査会社|格付け会社|民間団体|市民団体|業界団体)$/;


/** Initials alone before によると (JAXAによりますと): a body the dictionary does not know, a source all the same. */
function acronymSource(np: NounPhrase): SpeakerPhrase | null {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(np.text) ? { ...np, type: 'organization', core: np.text, organization: null, title: null } : null;
}

/** A topic's speaker phrase: as classify reads it, or initials of three letters or more (JAXAは) as a body. */
function topicPhrase(np: NounPhrase, toks: readonly JaToken[], book: SpeakerBook): SpeakerPhrase | null {
  return classify(np, toks, book) ?? (np.text.length >= 3 ? acronymSource(np) : null);
}

/** Cues of a sentence, in text order, all outside quotations. */
function findCues(v: SentenceView): Cue[] {
  const cues: Cue[] = [];
  const { toks } = v;
  const n = toks.length;
  for (let i = 0; i < n; i++) {
    if (v.depth[i]! > 0 || v.marker[i]) continue;
    const t = toks[i]!;

    // Frames: Xによると / Xによれば / Xによりますと / Xの話では …
    if (t.surface === 'に' && t.pos === '助詞' && toks[i + 1]?.base === 'よる' && toks[i + 1]!.pos === '動詞') {
      let e = i + 2;
      while (e < n && (toks[e]!.pos === '助動詞')) e++;
      if (e < n && /^(?:と|ば)$/.test(toks[e]!.surface)) {
        const np = nounPhraseEndingAt(v.text, toks, i - 1, 0);
        const frame = np ? classify(np, toks, v.book) ?? publisherOf(v, np) ?? acronymSource(np) : null;
        if (frame) cues.push({ rule: 'frame', kind: 'according_to', from: i, to: e + 1, complementEnd: e + 1, frame });
        i = e;
        continue;
      }
    }
    // Xに言わせれば / Xに言わせると: by X's account.
    if (t.surface === 'に' && t.pos === '助詞' && toks[i + 1]?.base === '言う' && toks[i + 2]?.base === 'せる' && /^(?:ば|と)$/.test(toks[i + 3]?.surface ?? '')) {
      const np = nounPhraseEndingAt(v.text, toks, i - 1, 0);
      const frame = np ? classify(np, toks, v.book) : null;
      if (frame) { cues.push({ rule: 'frame', kind: 'according_to', from: i, to: i + 4, complementEnd: i + 4, frame }); i += 3; continue; }
    }
    // Xの話では / Xの調べでは / Xの話として (a relay's source)
    if (t.surface === 'の' && t.pos === '助詞' && i + 2 < n && /^(?:話|調べ|報道|発表|分析|見方|考え|説明|見立て|集計|調査|推計|試算|まとめ)$/.test(toks[i + 1]!.surface)) {
      const deWa = toks[i + 2]!.surface === 'で' && toks[i + 3]?.surface === 'は';
      const toShite = toks[i + 2]!.surface === 'として' && toks[i + 1]!.surface === '話';
      if (deWa || toShite) {
        const np = nounPhraseEndingAt(v.text, toks, i - 1, 0);
        const frame = np ? classify(np, toks, v.book) : null;
        const to = i + (deWa ? 4 : 3);
        if (frame) cues.push({ rule: 'frame', kind: 'according_to', from: i, to, complementEnd: to, frame });
        continue;
      }
    }

    // 「…」を警告した: a quotation as the object of a reporting predicate.
    if (t.surface === 'を' && t.pos === '助詞') {
      const p = v.prev(i);
      const q = v.next(i);
      const end = q < n ? predicateEnd(v, q) : q;
      // …「二次制裁」を示唆するもので: a predicate modifying a noun says what something is, not what was said.
      const modifies = toks[end]?.pos === '名詞' && toks[end - 1]!.conj.startsWith('基本形');
      // (関税の「数字遊び」を続けるなら: a verb that takes speech only through と, or a condition, says nothing.)
      const notSaid = q < n && (NOT_OBJECT_OF_SPEECH.has(toks[q]!.base) || !!toks[end] && isCondition(toks[end]!));
      if (p >= 0 && closesQuote(toks[p]!.surface) && q < n && isSpeechPredicate(toks[q]!) && !isPassive(v, q, end) && !modifies && !notSaid) {
        cues.push({ rule: 'object-quote', kind: 'quote', from: i, to: end, complementEnd: i });
        continue;
      }
    }

    // …ことを明らかにした / …よう呼びかけた
    if ((t.surface === 'こと' && t.pos === '名詞') || ((t.surface === 'よう' || t.surface === 'ように') && t.pos !== '動詞')) {
      const isKoto = t.surface === 'こと';
      let k = i + 1;
      if (k < n && toks[k]!.surface === 'に' && !isKoto) k++;
      if (isKoto && k < n && /^(?:を|に|も)$/.test(toks[k]!.surface)) k++;
      else if (isKoto && k < n && toks[k]!.surface === 'など' && /^(?:を|に)$/.test(toks[k + 1]?.surface ?? '')) k += 2;
      else if (isKoto) continue;
      // (An adverb between: …ことを大きく伝えた, …ことを改めて強調した.)
      if (isKoto && k + 1 < n && (toks[k]!.pos === '副詞' || toks[k]!.pos === '形容詞' && toks[k]!.conj.startsWith('連用'))) k++;
      const q = k < n ? toks[k]! : null;
      if (!q) continue;
      let predicate = q.pos === '名詞' || q.pos === '動詞' ? q.base : '';
      if (q.surface === '明らか' && toks[k + 1]?.surface === 'に') predicate = '明らかにする';
      const set = isKoto ? ANNOUNCE_PREDICATES : REQUEST_VERBS;
      const prevTok = toks[v.prev(i)];
      // (「…」ことを強調した: a quotation closing the clause, with a verb of speech after こと.)
      const quoted = isKoto && !!prevTok && closesQuote(prevTok.surface) && isSpeechPredicate(q) && !isThought(q);
      if ((set.has(predicate) || quoted) && prevTok && (prevTok.pos === '動詞' || prevTok.pos === '助動詞' || prevTok.pos === '形容詞' || quoted)) {
        let pe = predicate === '明らかにする' ? k + 2 : k;
        const end = predicateEnd(v, pe);
        if (!isPassive(v, k, end)) cues.push({ rule: isKoto ? 'koto' : 'you', kind: 'reported', from: i, to: end, complementEnd: i });
        i = end - 1;
      }
      continue;
    }

    // …判断する考えを示した / …検討する意向を示している: a clause modifying a view noun.
    if (t.pos === '名詞' && INTENT_FIRST.has(t.surface.charCodeAt(0)) && INTENT_NOUNS.has(t.surface) && i > 0) {
      const p = v.prev(i);
      const pt = p >= 0 ? toks[p]! : null;
      if (pt && (pt.pos === '動詞' || pt.pos === '助動詞' && /^(?:たい|ない|た)$/.test(pt.base) || pt.pos === '形容詞') && (pt.conj.startsWith('基本形') || pt.conj === '*' || pt.pos === '助動詞')) {
        const holder: { after?: SpeakerPhrase } = {};
        const view = viewChain(v, i, holder);
        if (view) { cues.push({ rule: 'intent', kind: 'reported', from: i, to: view, complementEnd: i, after: holder.after }); i = view - 1; continue; }
      }
    }

    // Quotatives: と / って / という / との / として
    if (t.surface === 'として' && t.pos === '助詞') {
      const c = clauseBefore(v, i);
      // 「後詰め」として: a quoted noun before として is a role ("as"), not something said.
      if (c === 'quote' && quotesNounOnly(v, v.prev(i))) continue;
      // …決定が下されたとしても: としても concedes ("even if"); nothing is said.
      if (toks[i + 1]?.surface === 'も' && toks[i + 1]!.pos === '助詞') continue;
      // …難しかったとしていて、: the analyser reads として as one particle; いて after it belongs to the cue.
      let to = i + 1;
      if (toks[to]?.pos === '動詞' && /^(?:いる|おる)$/.test(toks[to]!.base)) {
        to++;
        while (to < n && (toks[to]!.pos === '動詞' && toks[to]!.pos1 === '非自立' || toks[to]!.pos === '助動詞' || toks[to]!.surface === 'て' && toks[to]!.pos === '助詞')) to++;
      }
      if (c === 'quote' || c === 'clause') cues.push({ rule: 'toshite', kind: 'reported', from: i, to, complementEnd: i });
      continue;
    }
    if (t.surface === 'という' && t.pos === '助詞') {
      const c = clauseBefore(v, i);
      if (!c || c === 'noun' && !QUOTE_CLOSE.has(toks[v.prev(i)]?.surface ?? '')) continue;
      const view = viewChain(v, i + 1);
      if (view) { cues.push({ rule: 'view', kind: 'reported', from: i, to: view, complementEnd: i }); i = view - 1; continue; }
      // …すべきだというふうに述べておられます / というように話した / ということで説明された: the way it was put, then a
      // verb of speech (as the spoken language of transcripts has it); in the passive only as respect.
      const way = (toks[i + 1]?.surface === 'ふう' || toks[i + 1]?.surface === 'よう') && toks[i + 2]?.surface === 'に' || toks[i + 1]?.surface === 'こと' && toks[i + 2]?.surface === 'で' ? i + 3 : -1;
      const said = way > 0 ? toks[way] : undefined;
      if (said && isSpeechPredicate(said) && !isThought(said)) {
        const end = predicateEnd(v, way);
        const honorific = isPassive(v, way, end);
        if (!honorific || HONORIFIC_SPEECH.has(said.pos === '名詞' ? said.surface : said.base)) {
          cues.push({ rule: 'quotative', kind: 'reported', from: i, to: end, complementEnd: i, verb: said.base, honorific: honorific || undefined });
          i = end - 1;
          continue;
        }
      }
      // …という。 closing the sentence: hearsay, speaker carried from before.
      let k = v.next(i);
      while (k < n && (toks[k]!.pos === '助動詞' || toks[k]!.surface === 'こと' || toks[k]!.surface === 'の')) k++;
      // (A dash may close the lead of a story before the full stop: …という――。)
      let end = k;
      while (end < n && /^[―—–-]+$/.test(toks[end]!.surface)) end++;
      if (end >= n || toks[end]!.pos === '記号' && /^[。．.]$/.test(toks[end]!.surface)) cues.push({ rule: 'hearsay', kind: 'reported', from: i, to: Math.min(k, n), complementEnd: i });
      continue;
    }
    // 円安は日本経済にとってプラスと従来の見方を改めて示した: a clause with a noun for predicate (its topic or
    // subject within the clause), と, and a view voiced.
    if (t.surface === 'と' && t.pos === '助詞' && (t.pos1 === '並立助詞' || t.pos1 === '格助詞') && t.pos2 !== '引用' && toks[v.prev(i)]?.pos === '名詞' && subjectInClause(v, i)) {
      const view = viewChain(v, i + 1);
      if (view) { cues.push({ rule: 'view', kind: 'reported', from: i, to: view, complementEnd: i }); i = view - 1; continue; }
    }
    // …進んでいると、X が報じた: the analyser reads と、 after a clause as "when"; a speaker and a reporting
    // verb after the comma make it quotative.
    const conditional = t.surface === 'と' && t.pos === '助詞' && t.pos1 === '接続助詞' && toks[i + 1]?.surface === '、';
    if (!conditional && !isQuotativeTo(v, i) && !isQuotativeNado(v, i)) continue;
    const c = clauseBefore(v, i);
    if (!c) continue;
    if (conditional) {
      const found = predicateAfter(v, i + 2);
      if (!found?.after || isThought(toks[found.at]!) || found.after.type === 'anaphor' && !/^同/.test(found.after.core)) continue;
    }
    let k = i + 1;
    // との + view noun
    if (toks[k]?.surface === 'の') {
      const view = viewChain(v, k + 1);
      // An adjectival noun before と is a predicate with its copula dropped (…が不可欠との見方を示した).
      const predicative = c === 'noun' && toks[v.prev(i)]!.pos1 === '形容動詞語幹';
      if (view && (c !== 'noun' || predicative)) { cues.push({ rule: 'view', kind: 'reported', from: i, to: view, complementEnd: i }); i = view - 1; continue; }
      // 「…」との強い口調で語った: the manner it was said in, then the verb.
      const manner = c !== 'noun' || predicative ? phraseThenSpeech(v, k + 1) : -1;
      if (manner > 0) { cues.push({ rule: 'quotative', kind: 'reported', from: i, to: manner, complementEnd: i }); i = manner - 1; }
      continue;
    }
    // とも / とは / とさえ / とすら / とまで: a particle between と and the predicate (…とまで言い切った).
    while (k < n && (/^(?:も|は|さえ|すら|まで)$/.test(toks[k]!.surface) && toks[k]!.pos === '助詞' || v.marker[k])) k++;
    const head = toks[k];
    if (!head) continue;
    // とする / とし / とした上で / としている
    if (head.pos === '動詞' && head.base === 'する') {
      // (…国益を守るためとしている: a clause closed by a formal noun of purpose or reason is a clause.)
      // (Nor is an adjectival noun, its copula dropped: 目的は不明としながらも.)
      // (…が広がっていることへの対応とした: a noun heading a clause, with no object of its own, is said too.)
      if (c === 'noun' && !(toks[v.prev(i)]!.pos1 === '非自立' && /^(?:ため|為)$/.test(toks[v.prev(i)]!.surface)) && toks[v.prev(i)]!.pos1 !== '形容動詞語幹' && !nounHeadsClause(v, i)) continue;
      // 防ごうとしている: a volitional form before とする is an attempt (try to), not a claim.
      // (A conjecture is said, not tried: …開かれるであろうとし, …だろうとした.)
      const before = toks[v.prev(i)]!;
      const conjecture = before.base === 'う' && /^(?:だろ|でしょ|あろ)$/.test(toks[v.prev(v.prev(i))]?.surface ?? '');
      if (before.pos === '助動詞' && (before.base === 'う' || before.base === 'よう') && !conjecture) continue;
      const end = predicateEnd(v, k);
      // とすると / とすれば: a condition, not a claim.
      if (toks[end]?.surface === 'と' && toks[end]!.pos1 === '接続助詞' || toks[end]?.surface === 'ば' || toks[end]?.surface === 'れ' || toks[k]!.conj === '仮定形') continue;
      if (isPassive(v, k, end)) continue;
      // 「…」とするXの見方: とする modifying a noun names its holder there (the commentary pass reads it).
      const modified = toks[end] && opensQuote(toks[end]!.surface) ? toks[end + 1] : toks[end];
      // 「…」とする、X研究所のY氏のインタビューを掲載した: what Y said in the piece the clause describes.
      const piece = toks[end - 1]!.conj.startsWith('基本形') ? saidInPiece(v, toks[end]?.surface === '、' ? end + 1 : end) : null;
      if (piece) { cues.push({ rule: 'toshite', kind: 'reported', from: i, to: end, complementEnd: i, after: piece }); i = end - 1; continue; }
      // (…とした一方で、「…」: a contrast that goes on to the next clause, not a noun the clause describes.)
      if (modified && modified.pos === '名詞' && modified.pos1 !== '接尾' && !/^(?:一方|反面|半面)$/.test(modified.surface) && toks[end - 1]!.conj.startsWith('基本形')) {
        // …したとする分析を発表した / とする見方を示した: the view the clause names is voiced by the subject.
        const view = modified === toks[end] ? viewChain(v, end) : null;
        if (view) { cues.push({ rule: 'view', kind: 'reported', from: i, to: view, complementEnd: i }); i = view - 1; }
        continue;
      }
      cues.push({ rule: 'toshite', kind: 'reported', from: i, to: end, complementEnd: i });
      i = end - 1;
      continue;
    }
    // と + reporting predicate, perhaps after a view noun or a speaker (と、X氏は…に答えた).
    const found = predicateAfter(v, k);
    if (!found) continue;
    const { at, after } = found;
    const pt = toks[at]!;
    // A noun before と takes only a strong reporting predicate (…を最大の目標と強調し), not a thought.
    if (c === 'noun' && (isThought(pt) || pt.base === '示す' || pt.base === '見る' || pt.base === 'みる')) continue;
    const end = predicateEnd(v, at);
    // …と宣言する可能性 / と主張する恐れ: what someone might say is no claim (the view is the sentence's, about it).
    if (toks[end]?.pos === '名詞' && MODAL_NOUNS.test(toks[end]!.surface + (toks[end + 1]?.pos1 === '接尾' ? toks[end + 1]!.surface : ''))) continue;
    if (deniedExpectation(v, end)) continue;
    // 「…」というよりは: a comparison (rather than …), not a report.
    if (/^(?:言う|いう)$/.test(pt.base) && toks[end]?.surface === 'より') continue;
    if (isPassive(v, at, end)) {
      // Xから「…」と迫られ: a passive with its agent names who said it.
      const agent = passiveAgent(v, i);
      if (agent) { cues.push({ rule: 'quotative-passive', kind: 'reported', from: i, to: end, complementEnd: i, after: agent, verb: pt.base }); i = end - 1; continue; }
      // 大統領は…と説明されました: a verb of saying that no one undergoes, in the passive, is the speaker's respect
      // (a reporter's question, a Diet speech); it is a claim only where a person named as the topic speaks.
      if (!after && HONORIFIC_SPEECH.has(pt.pos === '名詞' ? pt.surface : pt.base) && (toks[at + 1]?.base === 'する' && isPassive(v, at + 2, at + 3) || isPassive(v, at + 1, at + 2))) {
        cues.push({ rule: 'quotative', kind: 'reported', from: i, to: end, complementEnd: i, verb: pt.base, honorific: true });
        i = end - 1;
      }
      continue;
    }
    if (!after && at === i + 1 && /^(?:言う|いう)$/.test(pt.base) && pt.conj === '基本形' && endsSentence(v, end)) {
      cues.push({ rule: 'hearsay', kind: 'reported', from: i, to: end, complementEnd: i });
      i = end - 1;
      continue;
    }
    cues.push({ rule: after ? 'quotative-speaker-after' : 'quotative', kind: 'reported', from: i, to: end, complementEnd: i, after: after ?? undefined, thought: isThought(pt), verb: pt.base });
    i = end - 1;
  }
  return cues;
}

/**
 * A sentence that opens with the quotative と (と、…との見方を示した / と説明した) after a quotation that ended the
 * block before: the quotation is what was said, by the subject that closes the line before it (…石川智久氏が、)
 * or, with none, by whoever spoke last (つづけて、「…」と説明した).
 */
function quoteBlockBefore(v: SentenceView, book: SpeakerBook, current: Speaker | null): Draft | null {
  const { toks, text } = v;
  const t0 = toks[0];
  if (!t0 || !(t0.surface === 'と' || t0.surface === 'って') || t0.pos !== '助詞') return null;
  let c = v.span.start;
  while (c > 0 && /\s/.test(text[c - 1]!)) c--;
  if (c === v.span.start || !QUOTE_CLOSE.has(text[c - 1] ?? '')) return null;
  const close = c - 1;
  let depth = 0;
  let open = -1;
  for (let k = close; k >= 0 && close - k <= MAX_CONTENT; k--) {
    if (QUOTE_CLOSE.has(text[k]!)) depth++;
    else if (QUOTE_OPEN.has(text[k]!) && --depth === 0) { open = k; break; }
  }
  if (open < 0 || close - open < 2) return null;
  // The speaker: a subject closing the text just before the quotation (…の石川智久氏が、 / 同氏は).
  let speaker: Speaker | null = null;
  const lineStart = text[open - 1] === '\n' ? text.lastIndexOf('\n', open - 2) + 1 : text.lastIndexOf('\n', open - 1) + 1;
  const from = Math.max(lineStart, open - 80);
  const before = text.slice(from, open);
  const m = /(?:が|は)[、,]?\s*$/.exec(before);
  if (m) {
    speaker = speakerClosing(text, tokensOf(text, from, from + m.index, v), book, current);
  } else if (/^[\s]*$/.test(before) || /(?:つづけて|続けて|さらに|その上で|そのうえで)[、,]?\s*$/.test(before)) {
    speaker = current;
  }
  if (!speaker) return null;
  const end = predicateEndFrom(v);
  return { speaker, via: [], kind: 'quote', cue: { start: t0.start, end: toks[end - 1]!.end }, content: boundContent({ start: open + 1, end: close }), mention: m ? 'explicit' : 'elided', rule: 'quote-block', tokens: surfaces(toks, 0, end) };
}

/**
 * A sentence that is one quotation closed by と and a reporting verb (「…」と述べました。), after lines that are each one
 * quotation, after a line whose topic opens a quotation (トランプ大統領は会見で「…」): one claim from the first
 * quotation to the last, the topic's. Null unless every line between is a quotation alone.
 */
function quoteRunBefore(v: SentenceView, book: SpeakerBook, current: Speaker | null, markerAt: Map<number, DraftFootnote>): Draft | null {
  const { toks, text } = v;
  if (!toks.length || !opensQuote(toks[0]!.surface)) return null;
  const close = v.match.get(0);
  if (close === undefined) return null;
  const after = toks[close + 1];
  if (!after || !(after.surface === 'と' || after.surface === 'って') || after.pos !== '助詞') return null;
  const verb = toks[close + 2];
  if (!verb || !isSpeechPredicate(verb)) return null;
  // Back over lines that are one quotation each, to a line that opens one after its topic.
  let lineStart = v.span.start;
  let lines = 0;
  for (;;) {
    if (lineStart === 0 || text[lineStart - 1] !== '\n') return null;
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1).trimEnd();
    if (!line || !QUOTE_CLOSE.has(line[line.length - 1]!)) return null;
    lineStart = prevStart;
    if (QUOTE_OPEN.has(line[0]!) && closes(text, prevStart) === prevStart + line.length - 1) { if (++lines > 8) return null; continue; }
    // The opening line: its topic and the quotation it opens, which closes the line.
    const open = line.lastIndexOf('「');
    if (open <= 0 || closes(text, prevStart + open) !== prevStart + line.length - 1) return null;
    const head = new SentenceView(text, { start: prevStart, end: prevStart + open }, v.tokenizer, markerAt, book);
    const topic = sentenceOpening(head).topic;
    const speaker = topic && topic.type !== 'group' ? book.resolve(topic, current) : null;
    if (!speaker) return null;
    const end = predicateEnd(v, close + 2);
    return { speaker, via: [], kind: 'quote', cue: { start: after.start, end: toks[end - 1]!.end }, content: boundContent({ start: prevStart + open + 1, end: toks[close]!.start }), mention: 'explicit', rule: 'quote-run', tokens: surfaces(toks, close + 1, end) };
  }
}

/** The cue of a sentence opening with と: through the first reporting predicate (と、…との見方を示した), else と alone. */
function predicateEndFrom(v: SentenceView): number {
  const { toks } = v;
  for (let j = 1; j < toks.length && j < 24; j++) {
    if (toks[j]!.surface === '。') break;
    if (isSpeechPredicate(toks[j]!) || toks[j]!.pos === '動詞' && SHOW_PREDICATES.has(toks[j]!.base)) return predicateEnd(v, j);
  }
  return 1;
}

/** Tokens of text[from, to) with offsets into the text. */
/**
 * The quotation standing alone in `block` (「…」) credited to the subject that closes the paragraph before it with a
 * comma and no predicate (…森山幹事長は、 / …北村幹事長代行すら、), or null.
 */
function subjectClosing(text: string, before: ClassifiedBlock, block: ClassifiedBlock, tokenizer: JaTokenizer, book: SpeakerBook, current: Speaker | null): Draft | null {
  const whole = trimWhite(text, block.contentStart, block.end);
  if (closes(text, whole.start) !== whole.end - 1 || whole.end - whole.start < 3) return null;
  const from = Math.max(before.contentStart, before.end - 60);
  const m = /(?:^|[。、\n])([^、。\n「」]{1,40}?)(?:は|が|も|すら|さえ|でさえ)、[ \u3000]*$/.exec(text.slice(from, trimWhite(text, before.contentStart, before.end).end));
  if (!m) return null;
  const who = speakerClosing(text, tokenizer.tokenize(m[1]!, from + m.index + m[0].indexOf(m[1]!)), book, current);
  if (!who) return null;
  return { speaker: who, via: [], kind: 'quote', cue: null, content: boundContent({ start: whole.start + 1, end: whole.end - 1 }), mention: 'explicit', rule: 'quote-no-verb', tokens: '' };
}

/** The speaker named by the noun phrase that closes `toks` (…の石川智久氏, …幹事長代行), a group never; or null. */
function speakerClosing(text: string, toks: readonly JaToken[], book: SpeakerBook, current: Speaker | null): Speaker | null {
  const np = toks.length ? nounPhraseEndingAt(text, toks, toks.length - 1, 0) : null;
  const sp = np ? classify(np, toks, book) : null;
  return sp && sp.type !== 'group' ? book.resolve(sp, current, { start: np!.start, end: np!.end }) : null;
}

function tokensOf(text: string, from: number, to: number, v: SentenceView): JaToken[] {
  return v.tokenizer.tokenize(text.slice(from, to), from);
}

/** A cue of thinking rather than saying (と思います, と考えている, と見ている). */
const GUESSED = /(?:思|考え|見て|見る|みて|みる|信じ|感じ|判断|予想|予測|期待)/;

/** Whether a verb of saying in the negative ends right before token `k` (…に言及しなかった, 触れなかった): nothing was said. */
function unsaidBefore(v: SentenceView, k: number): boolean {
  const { toks } = v;
  let j = k - 1;
  while (j >= 0 && toks[j]!.pos === '助動詞' && /^(?:た|だ|です|ます)$/.test(toks[j]!.base)) j--;
  if (j < 1 || toks[j]!.base !== 'ない' || toks[j]!.pos !== '助動詞') return false;
  let p = j - 1;
  if (toks[p]!.pos === '動詞' && toks[p]!.base === 'する' && p > 0) p--;
  const t = toks[p]!;
  return isSpeechPredicate(t) || t.pos === '動詞' && /^(?:触れる|語る|話す|明かす)$/.test(t.base);
}

/** Information as the source of a report, no one named (入ってきた情報ですが、, 情報によると). */
const UNNAMED_INFORMATION = /情報(?:ですが|では|によると|によれば)、/;

/** A sentence opening with the charge (逮捕容疑は, 起訴状によると is a frame and names its source). */
const CHARGE_OPENING = /^(?:逮捕|送検|再逮捕|起訴)?容疑は/;

/** A quotation and who said it in parentheses, at the head of a piece (「…」(ゴルフ場従業員)). */
const CREDITED_QUOTATION = /^「[^「」]+」[ \u3000]?[(（][^()（）\n]{1,30}[)）](?:\s|$)/;

/** Verbs that name rather than report (Xを「…」と呼ぶ): the clause, not the quotation alone, is what they say. */
const NAMING_VERBS = /^(?:呼ぶ|称する|名付ける|位置付ける|位置づける|表現|形容|命名|定義|規定)$/;

/** Nouns of published findings: Xが発表したデータによると is X's. */
const FINDING_NOUNS = /^(?:データ|統計|報告書|報告|資料|調査|調査結果|試算|推計|集計|白書|文書|声明|発表|分析|話|説明|証言|見方|見立て|論文|著書|記事)$/;
const PUBLISH_VERBS = /^(?:発表|公表|公開|まとめる|作成|実施|示す|出す|明らかにする|集計|試算|推計)$/;

/**
 * The source of a finding named before によると: who published it (商工エネルギー省が発表したデータ, 協会が19日
 * 発表した最新調査) or whose it is (経済協会の7月調査). A gloss in brackets after the finding (調査(…)) is
 * part of its name.
 */
function publisherOf(v: SentenceView, np: NounPhrase): SpeakerPhrase | null {
  const { toks } = v;
  let head = np.to - 1;
  if (/^[)）]$/.test(toks[head]?.surface ?? '')) {
    let k = head - 1;
    while (k > np.from && !/^[(（]$/.test(toks[k]!.surface)) k--;
    head = k - 1;
  }
  if (head < np.from || !FINDING_NOUNS.test(toks[head]!.surface)) return null;
  const asSource = (sp: SpeakerPhrase | null): SpeakerPhrase | null =>
    sp && sp.type !== 'anaphor' ? { ...sp, end: toks[head]!.end, text: v.text.slice(sp.start, toks[head]!.end) } : null;
  // Xの…調査: the owner inside the phrase.
  for (let k = head - 1; k > np.from; k--) {
    if (toks[k]!.surface !== 'の' || toks[k]!.pos !== '助詞') continue;
    // (…カーニー(KEARNEY)」4日の調査: the day it was published is no part of the owner.)
    let last = k - 1;
    while (last > np.from && (toks[last]!.pos1 === '数' || toks[last]!.pos2 === '助数詞' && /^(?:日|月|年)$/.test(toks[last]!.surface))) last--;
    const owner = nounPhraseEndingAt(v.text, toks, last, np.from);
    const found = owner ? asSource(classify(owner, toks, v.book)) : null;
    if (found) return found;
  }
  // Xの|話によると: the owner right before the phrase.
  if (np.from >= 2 && toks[np.from - 1]!.surface === 'の' && toks[np.from - 1]!.pos === '助詞') {
    const owner = nounPhraseEndingAt(v.text, toks, np.from - 2, 0);
    const found = owner ? asSource(classify(owner, toks, v.book)) : null;
    if (found) return found;
  }
  // …が(19日)発表した|データ: the predicate right before the phrase, its subject before it.
  let k = np.from - 1;
  while (k >= 0 && (toks[k]!.pos === '助動詞' || toks[k]!.pos === '動詞' && toks[k]!.base === 'する')) k--;
  if (k < 1 || !PUBLISH_VERBS.test(toks[k]!.base === '*' ? toks[k]!.surface : toks[k]!.base) && !PUBLISH_VERBS.test(toks[k]!.surface)) return null;
  let p = k - 1;
  // (a date between, with or without に: 協会が19日発表した, 北洋通信が1日に実施した)
  const isDate = (t: JaToken) => t.pos1 === '数' || t.pos1 === '接尾' || t.pos1 === '副詞可能';
  if (p > 1 && toks[p]!.surface === 'に' && isDate(toks[p - 1]!)) p--;
  while (p > 0 && isDate(toks[p]!)) p--;
  if (toks[p]!.pos !== '助詞' || !/^(?:が|の)$/.test(toks[p]!.surface)) return null;
  const subject = nounPhraseEndingAt(v.text, toks, p - 1, 0);
  return subject ? asSource(classify(subject, toks, v.book)) : null;
}

/** Whether the clause from token k ends in a predicate that modifies a noun (…を進める|問題): a relative clause. */
/** Verbs of speech that go on with what was being said, not answer it. */
const GOING_ON = new Set(['説明', '強調', '述べる', '指摘', '分析', '語る', '話す', '付け加える', '言う', '解説', '補足']);

/** A person read from a post alone (…のエコノミスト, 同大教授): no name of their own. */
function postOnly(sp: SpeakerPhrase): boolean {
  return sp.type === 'person' && sp.title !== null && (sp.core === sp.title || sp.core.endsWith(sp.title));
}

const TOPIC_AFTER_KOTO = /^(?:について|に関し|をめぐ|に対し|を受け)/;

/** The first predicate of the clause from `k` (before `limit`), or -1 when a comma, a stop or a quotation comes first. */
function clausePredicate(v: SentenceView, k: number, limit: number): number {
  const { toks } = v;
  for (let j = k; j < toks.length && j < limit; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0 || t.surface === '、' || t.surface === '。' || opensQuote(t.surface)) return -1;
    if (t.pos === '動詞' || t.pos === '助動詞' || t.pos === '形容詞') return j;
  }
  return -1;
}

function modifiesNoun(v: SentenceView, k: number): boolean {
  const { toks } = v;
  for (let j = clausePredicate(v, k, k + 16); j >= 0; j = clausePredicate(v, j + 1, j + 17)) {
    // The whole predicate (輸出し|て|いる), then what follows it.
    const e = predicateEnd(v, j);
    const last = toks[e - 1]!;
    const n = toks[e];
    if (!n) return false;
    // (大規模な政策: an adjectival noun describing a noun inside the clause; the clause goes on.)
    if (last.surface === 'な' && last.pos === '助動詞' && e - 1 === j && n.pos === '名詞') { j = e - 1; continue; }
    // …が先に現地入りして、…を迎えたことについては: a clause chained in the continuative goes on to its last predicate.
    // (So does one in the bare continuative: …が修正を決め、利上げに踏み切ったことについて.)
    if (n.surface === '、' && ((last.surface === 'て' || last.surface === 'で') && last.pos === '助詞' || last.pos === '動詞' && last.conj.startsWith('連用'))) { j = e; continue; }
    // …が年内に打ち上げるとしていた衛星: a quotative complement goes on to the predicate that takes it.
    if (n.surface === 'と' && n.pos === '助詞' && n.pos1 === '格助詞') { j = e; continue; }
    // …しているという報道: という / との join a clause to the noun it describes.
    if (n.surface === 'という' || n.surface === 'との') return toks[e + 1]?.pos === '名詞';
    // …が乗り出していることについては: a clause made a topic by こと and a postposition is about something, not by it.
    if (n.surface === 'こと' && TOPIC_AFTER_KOTO.test(v.text.slice(n.end, n.end + 6))) return true;
    return (last.conj.startsWith('基本形') || last.pos === '助動詞' && last.conj === '*') && n.pos === '名詞' && n.pos1 !== '非自立' && n.pos1 !== '接尾' && !/^(?:こと|もの|ため|よう|の)$/.test(n.surface);
  }
  return false;
}

/**
 * A quotation opening at token k that closes the sentence, perhaps with と or とも after it and no verb
 * (「…」。 / 「…」と。): its content, and the と as its cue (null without one).
 */
function elidedVerbQuote(v: SentenceView, k: number): { content: Span; cue: Span | null } | null {
  const { toks } = v;
  if (!toks[k] || !opensQuote(toks[k]!.surface)) return null;
  const close = v.match.get(k);
  if (close === undefined || close <= k + 1) return null;
  const n = toks.length;
  let j = v.next(close);
  let cue: Span | null = null;
  if (j < n && (toks[j]!.surface === 'と' || toks[j]!.surface === 'とも') && toks[j]!.pos === '助詞') {
    const also = toks[j + 1]?.surface === 'も' && toks[j + 1]!.pos === '助詞' ? j + 1 : j;
    cue = { start: toks[j]!.start, end: toks[also]!.end };
    j = v.next(also);
  }
  if (j < n && !(toks[j]!.surface === '。' && v.next(j) >= n)) return null;
  return { content: { start: toks[k]!.end, end: toks[close]!.start }, cue };
}

/** Nouns of an opinion voiced (…との声が上がる) and the verbs that say it came up. */
const OPINION_NOUNS = /^(?:声|意見|指摘|批判|懸念|見方|異論|反発|要望|不満|疑問|注文|反論|要求|慎重論|反対論)$/;
const OPINION_VERBS = /^(?:上がる|あがる|出る|相次ぐ|寄せる|寄せられる|聞く|聞かれる|出す|強まる|広がる|噴出|続出|根強い)$/;

/**
 * …との声が上がっている with its source before it (与党内からは、…): the source, the content (the quotation, or the
 * clause from after the source to と) and the cue (と through the verb); null when no source is named.
 */
function opinionFrom(v: SentenceView): { source: SpeakerPhrase; content: Span; cue: Span; kind: Kind } | null {
  const { toks } = v;
  for (let i = 1; i + 3 < toks.length; i++) {
    const t = toks[i]!;
    if (v.depth[i]) continue;
    const quotative = t.surface === 'との' || t.surface === 'という' || t.surface === 'と' && t.pos2 === '引用' && toks[i + 1]?.surface === 'の';
    if (!quotative) continue;
    const n = t.surface === 'と' ? i + 2 : i + 1;
    if (!OPINION_NOUNS.test(toks[n]?.surface ?? '') || !/^(?:が|も)$/.test(toks[n + 1]?.surface ?? '')) continue;
    const verb = toks[n + 2];
    if (!verb || !OPINION_VERBS.test(verb.base === '*' ? verb.surface : verb.base) && !OPINION_VERBS.test(verb.surface)) continue;
    // The source: Xから(は|も)、 before the complement, outside quotations.
    for (let k = i - 1; k > 0; k--) {
      if (v.depth[k] || toks[k]!.surface !== 'から' || toks[k]!.pos !== '助詞') continue;
      const np = nounPhraseEndingAt(v.text, toks, k - 1, 0);
      let sp = np ? classify(np, toks, v.book) : null;
      if (!sp || sp.type === 'anaphor') return null;
      // AやBなど多くの出席者から: the one named right before など stands for the group.
      const named = sp.type === 'group' && np ? namedBeforeNado(v, np.from) : null;
      if (named) sp = named;
      let from = k + 1;
      if (/^(?:は|も)$/.test(toks[from]?.surface ?? '')) from++;
      if (toks[from]?.surface === '、') from++;
      const last = v.prev(i);
      const quoted = last >= from && closesQuote(toks[last]!.surface) && v.match.get(last) === from;
      const content = quoted ? { start: toks[from]!.end, end: toks[last]!.start } : { start: toks[from]!.start, end: toks[i - 1]!.end };
      if (content.end <= content.start) return null;
      const cue = { start: t.start, end: toks[predicateEnd(v, n + 2) - 1]!.end };
      return { source: sp, content, cue, kind: quoted ? 'quote' : 'reported' };
    }
    return null;
  }
  return null;
}

/** The person named right before など (…北村修常任理事など多くの出席者): the example that stands for the group. */
function namedBeforeNado(v: SentenceView, from: number): SpeakerPhrase | null {
  const { toks } = v;
  let k = from - 1;
  while (k > 0 && (toks[k]!.surface === '多く' || toks[k]!.surface === 'の' || toks[k]!.surface === '数' || toks[k]!.pos1 === '数')) k--;
  if (toks[k]?.surface !== 'など') return null;
  const np = nounPhraseEndingAt(v.text, toks, k - 1, 0);
  const sp = np ? classify(np, toks, v.book) : null;
  return sp && sp.type === 'person' ? sp : null;
}

/** Whether the clause from `k` is a circumstance (物価が上がる中、 / 交渉が続くなかで、): its subject says nothing. */
function circumstanceFollows(v: SentenceView, k: number): boolean {
  const { toks } = v;
  const j = clausePredicate(v, k, k + 16);
  if (j < 0) return false;
  const e = predicateEnd(v, j);
  const n = toks[e];
  if (!n || n.surface !== '中' && n.surface !== 'なか') return false;
  const after = toks[e + 1]?.surface === 'で' ? e + 2 : e + 1;
  return toks[after]?.surface === '、';
}

/** The person an interview announces (Xに聞いた, Xに話を聞いた, Xにインタビューした), or null. */
function interviewLead(v: SentenceView): SpeakerPhrase | null {
  const { toks } = v;
  // …前大統領が応じた本紙との単独会見の一問一答は、次の通り: the one who granted it.
  const granted = toks.findIndex((t, i) => i > 0 && t.base === '応じる' && toks[i - 1]!.surface === 'が' && !v.depth[i]);
  if (granted > 0 && /(?:インタビュー|会見|取材|一問一答)/.test(v.text.slice(toks[granted]!.end, v.span.end))) {
    const np = nounPhraseEndingAt(v.text, toks, granted - 2, 0);
    const sp = np ? classify(np, toks, v.book) : null;
    if (sp?.type === 'person') return sp;
  }
  // 駐米大使に就任した杉山一郎氏(64)が北陽新聞のインタビューに応じ、…: the one who gave the interview.
  const gave = toks.findIndex((t, i) => i > 2 && t.base === '応じる' && toks[i - 1]!.surface === 'に' && /^(?:インタビュー|取材|単独会見|会見)$/.test(toks[i - 2]!.surface) && !v.depth[i]);
  for (let j = gave - 3; j > 0; j--) {
    const t = toks[j]!;
    if (v.depth[j] || t.surface === '、' || t.surface === '。') break;
    if (t.surface !== 'が' || t.pos !== '助詞') continue;
    const np = nounPhraseEndingAt(v.text, toks, j - 1, 0);
    const sp = np ? classify(np, toks, v.book) : null;
    if (sp?.type === 'person') return sp;
    break;
  }
  for (let i = 1; i < toks.length - 1; i++) {
    if (toks[i]!.surface !== 'に' || toks[i]!.pos !== '助詞' || v.depth[i]! > 0) continue;
    let k = i + 1;
    if (toks[k]?.surface === '話' && toks[k + 1]?.surface === 'を') k += 2;
    // (…氏に、20代の会社員が率直な疑問をぶつけた: questions put to them.)
    let q = k;
    while (q < toks.length && q < k + 10 && toks[q]!.surface !== '。' && toks[q]!.surface !== '疑問' && toks[q]!.surface !== '質問') q++;
    const put = (toks[q]?.surface === '疑問' || toks[q]?.surface === '質問') && toks[q + 1]?.surface === 'を' && /^(?:ぶつける|投げかける|投げ掛ける|する)$/.test(toks[q + 2]?.base ?? '');
    const t = toks[k];
    const asks = put || t && (t.pos === '動詞' && /^(?:聞く|きく|尋ねる|訊く)$/.test(t.base) || t.surface === 'インタビュー' || t.surface === '取材');
    if (!asks) continue;
    const np = nounPhraseEndingAt(v.text, toks, i - 1, 0);
    const sp = np ? classify(np, toks, v.book) : null;
    if (sp?.type === 'person') return sp;
  }
  return null;
}

/**
 * A speaker introducing themselves at the start of a speech (防衛大臣に就任いたしました北浜一郎でございます /
 * 北辰党の北村修です): the person named right before です or でございます closing the sentence, or null.
 */
function selfIntroduction(v: SentenceView): SpeakerPhrase | null {
  const { toks } = v;
  let e = toks.length;
  while (e > 0 && /^[。\s]$/.test(toks[e - 1]!.surface)) e--;
  if (e >= 2 && toks[e - 1]!.surface === 'ます' && toks[e - 2]!.base === 'ござる' && toks[e - 3]?.surface === 'で') e -= 3;
  else if (e >= 1 && toks[e - 1]!.surface === 'です') e -= 1;
  else return null;
  if (e < 2 || toks[e - 1]!.pos2 !== '人名' || toks.some((t, k) => v.depth[k]! > 0)) return null;
  const np = nounPhraseEndingAt(v.text, toks, e - 1, 0);
  const sp = np ? classify(np, toks, v.book) : null;
  return sp?.type === 'person' ? sp : null;
}
/** A sentence that only greets or thanks (皆さん、こんにちは。 / よろしくお願いいたします。). */
/** A sentence saying a transcript follows: 記者会見の全文は以下の通り。, 発言の要旨は次の通り。 */
const TRANSCRIPT_FOLLOWS = /(?:会見|発言|演説|講演|あいさつ|挨拶|スピーチ|談話|インタビュー|答弁)の?(?:全文|要旨|詳報|主な内容|内容|やりとり|やり取り|一問一答|主なやりとり|主なやり取り)(?:は|を)?、?(?:以下|次)の(?:通り|とおり)/;
/** 〔日銀の利上げについて問われ、〕: the question an answer in a summary answers, in brackets before it. */
function askedLead(text: string, at: number, end: number): RegExpExecArray | null {
  return text[at] === '〔' ? /^〔[^〔〕\n]{1,200}(?:問われ|聞かれ|尋ねられ|質問され|求められ)[、,]?〕[ \u3000]*/.exec(text.slice(at, Math.min(end, at + 220))) : null;
}
const MENU_ITEM = /^[^\u3041-\u3096。．.!?！？\n]{1,12}$/;
const GREETING = /^(?:(?:皆さん|皆様|みなさん)、?)?(?:こんにちは|こんばんは|おはようございます|よろしくお願い(?:いた)?します|ありがとうございま(?:す|した)|お疲れ様です|失礼します)[。！!]?$/;

/** A:, 答：, (答), and the mark that opens each answer of a printed interview (◆, ◇). */
const ANSWER_LABEL = /^(?:(?:A|Ａ|答)[.:：．]|A\d{1,2}[.:：、．]|[(（〔【]答[)）〕】]|[◆◇](?![◆◇]))\s*/;

/** The agent of a passive report: Xから (or Xに) right before the quotation that closes before と. */
function passiveAgent(v: SentenceView, i: number): SpeakerPhrase | null {
  const { toks } = v;
  const close = v.prev(i);
  if (close < 0 || !closesQuote(toks[close]!.surface)) return null;
  const open = v.match.get(close);
  if (open === undefined) return null;
  const p = v.prev(open);
  if (p < 1 || toks[p]!.pos !== '助詞' || !/^(?:から|より)$/.test(toks[p]!.surface)) return null;
  const np = nounPhraseEndingAt(v.text, toks, p - 1, 0);
  const sp = np ? classify(np, toks, v.book) : null;
  return sp && sp.type !== 'anaphor' && sp.type !== 'group' ? sp : null;
}

/** Whether only a hearsay ending (こと, です, だ) and 。 follow. */
function endsSentence(v: SentenceView, k: number): boolean {
  const { toks } = v;
  while (k < toks.length && (toks[k]!.pos === '助動詞' || toks[k]!.surface === 'こと' || toks[k]!.surface === 'の' || v.marker[k] || /^\s+$/.test(toks[k]!.surface))) k++;
  return k >= toks.length || /^[。．.]$/.test(toks[k]!.surface);
}

/** A view noun phrase and the verb that shows it (見方を示した, 考えを強調しました); returns the token after it. */
function viewChain(v: SentenceView, k: number, holder?: { after?: SpeakerPhrase }): number | null {
  const { toks } = v;
  let j = k;
  let sawView = false;
  // up to four nouns: 従来の見方, 現状認識, 説明責任を果たす決意 (the last via the general path)
  for (let step = 0; step < 5 && j < toks.length; step++) {
    const t = toks[j]!;
    if (t.pos === '名詞' && VIEW_NOUNS.has(t.surface)) { sawView = true; j++; continue; }
    if (t.pos === '名詞' || t.surface === 'の' || t.pos === '接頭詞') { j++; continue; }
    break;
  }
  if (!sawView || j >= toks.length) return null;
  if (!/^(?:を|も|は)$/.test(toks[j]!.surface)) {
    // 体言止め: との見方。
    return null;
  }
  j++;
  // adverbs and 改めて between
  // (and a time word: …とする分析をきょう発表した)
  // (and a day with its comma: …とする論評を17日、伝えた)
  while (j < toks.length && (toks[j]!.pos === '副詞' || toks[j]!.pos1 === '副詞可能' && toks[j]!.pos === '名詞' || /^(?:改めて|重ねて|強く|明確に|繰り返し)$/.test(toks[j]!.surface) || toks[j]!.surface === '改め' || toks[j]!.surface === 'て' && toks[j - 1]!.surface === '改め'
    || toks[j]!.pos1 === '数' && /^(?:日|月)$/.test(toks[j + 1]?.surface ?? '') || /^(?:日|月)$/.test(toks[j]!.surface) && toks[j - 1]!.pos1 === '数' || toks[j]!.surface === '、' && toks[j - 1]!.surface === '日')) j++;
  // …目指す考えを三部副会長が明らかにした: the holder named between the view and the verb that voices it.
  if (holder) {
    for (let m = j; m < toks.length && m < j + 12; m++) {
      const t = toks[m]!;
      if (t.pos === '助詞' && (t.surface === 'が' || t.surface === 'は') && m > j) {
        const np = nounPhraseEndingAt(v.text, toks, m - 1, j);
        const sp = np && np.start === toks[j]!.start ? classify(np, toks, v.book) : null;
        if (sp && sp.type !== 'anaphor' && sp.type !== 'group') { holder.after = sp; j = m + 1; }
        break;
      }
      if (t.pos !== '名詞' && t.surface !== 'の' && t.surface !== '・' && t.pos !== '接頭詞') break;
    }
  }
  const p = toks[j];
  if (!p) return null;
  // (An adjectival noun with にする voices it too: 明らかにした, 鮮明にした.)
  if (!(SHOW_PREDICATES.has(p.base) || SPEECH_VERBS.has(p.base) && p.pos === '動詞' || SPEECH_NOUNS.has(p.surface) || niSuruAt(v, j) >= 0)) return null;
  const end = predicateEnd(v, j);
  if (isPassive(v, j, end)) return null;
  return end;
}

/**
 * The reporting predicate after a quotative, within a short window of nouns and particles: と述べた,
 * と、X氏は…インタビューに答えた, と今後の見通しを予測, と理由を説明した. Returns its token and any speaker
 * written in between.
 */
function predicateAfter(v: SentenceView, k: number): { at: number; after: SpeakerPhrase | null } | null {
  const { toks } = v;
  let after: SpeakerPhrase | null = null;
  // (A descriptor may run long: と米国在住で、国際戦略研究所(IISS)のミサイル専門家マイケル・エレマン氏は語る.)
  const limit = Math.min(toks.length, k + 24);
  for (let j = k; j < limit; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) return null;
    if (t.surface === '。' || t.surface === '「') return null;
    // (…在住で、 / 元外交官で、: a description of the speaker, the copula before a comma.)
    if (t.pos === '助動詞' && t.surface === 'で' && toks[j + 1]?.surface === '、' && j > k) continue;
    // …のかと疑問をぶつけた / …と不満を漏らした / と懸念をあらわにした: a view noun and the verb that voices it
    // (before the noun is taken for a predicate of its own: 懸念 is one too).
    const voiced = viewVoicedAt(v, j);
    if (voiced >= 0) return { at: voiced, after };
    // と憤りを見せた: a verb's continuative form before a case particle is a noun (anger), not the predicate.
    if (t.pos === '動詞' && t.conj.startsWith('連用') && /^(?:を|が|は)$/.test(toks[j + 1]?.surface ?? '') && toks[j + 1]!.pos === '助詞') return null;
    if (isSpeechPredicate(t)) {
      // A sa-hen noun used as a noun (…の説明は): only with する or ending the clause.
      if (t.pos === '名詞') {
        const nx = toks[j + 1];
        const doing = nx?.surface === 'を' && /^(?:する|行う|おこなう)$/.test(toks[j + 2]?.base ?? '');
        if (doing) return { at: j, after };
        if (nx && !(nx.pos === '動詞' && nx.base === 'する') && !/^(?:、|。|$)/.test(nx.surface) && !(nx.pos === '助詞' && nx.surface === 'し')) {
          if (!(nx.pos === '名詞' && nx.pos1 === '接尾')) continue;
        }
      }
      if (t.surface === '明らか' || t.base === '明らか') continue;
      return { at: j, after };
    }
    if (niSuruAt(v, j) >= 0) return { at: j, after };
    if ((t.surface === 'は' || t.surface === 'が') && t.pos === '助詞') {
      const np = nounPhraseEndingAt(v.text, toks, j - 1, k);
      const sp = np ? classify(np, toks, v.book) : null;
      if (sp) { after = sp; continue; }
      return null;
    }
    if (t.pos === '名詞' || t.pos === '接頭詞' || t.pos === '副詞' || t.surface === '、' || t.pos === '記号' && t.pos1 !== '句点' || t.pos === '連体詞') continue;
    // (…と、X紙が当局の話として報じた: the source it names on the way.)
    if (t.pos === '助詞' && /^(?:の|を|に|で|へ|から|まで|も|と|や|など|について|に対し|に対して|として)$/.test(t.surface)) {
      if (t.surface === 'と' && t.pos2 === '引用') return null;
      continue;
    }
    if (t.pos === '動詞' && /^(?:改める|重ねる|繰り返す|強める|込める|交える|通じる|対する|応じる|受ける|そろう|揃う)$/.test(t.base)) continue;
    // (…と重ねて説明した, …とそろって批判した: the て of such a verb.)
    if (t.surface === 'て' && t.pos === '助詞' && j > k && /^(?:改める|重ねる|繰り返す|強める|込める|交える|そろう|揃う)$/.test(toks[j - 1]!.base)) continue;
    if (t.pos === '形容詞' && t.conj.startsWith('連用')) continue;
    if (t.pos === '動詞' && (t.base === '果たす' || t.base === 'する') && toks[j + 1]?.pos === '名詞') continue;
    return null;
  }
  return null;
}

// ------------------------------------------------------------------------------------------ sentences

interface SentenceResult {
  drafts: Draft[];
  unattributed: Unattributed[];
  current: Speaker | null;
}

function analyzeSentence(v: SentenceView, book: SpeakerBook, carried: Speaker | null, previous: { span: Span; drafts: Draft[] } | null, before: Span | null, spoke: ReadonlySet<DraftPerson> | null = null): SentenceResult {
  const cues = findCues(v);
  const drafts: Draft[] = [];
  const unattributed: Unattributed[] = [];
  let current = carried;
  const { toks, text } = v;
  if (!toks.length) return { drafts, unattributed, current: null };

  // A relay closing on its own: 「…」と指摘した。6日付東海日報が伝えた。 (Only after a sentence it can relay.)
  if (previous && previous.span.end > previous.span.start && !cues.some((c) => c.rule !== 'hearsay')) {
    const relay = relaySentence(v);
    if (relay) {
      const who = book.resolve(relay.speaker, null);
      if (who) {
        // (A dateline opening the sentence, 【ソウル共同】 or ロンドン(CNN), is no part of what is relayed.)
        const whole = trimSpan(text, previous.span);
        const dateline = DATELINE.exec(text.slice(whole.start, Math.min(whole.end, whole.start + 40)));
        const stated = dateline && dateline[0].length < whole.end - whole.start ? { start: whole.start + dateline[0].length, end: whole.end } : whole;
        // (「…」。X常務が厳しい表情で話した: a sentence that is one quotation is quoted, without its brackets.)
        const quoted = quotationJustBefore(text, stated, stated.end);
        const content = quoted && quoted.end > quoted.start ? quoted : stated;
        drafts.push({ speaker: who, via: [], kind: content === quoted ? 'quote' : 'reported', cue: relay.cue, content, mention: 'explicit', rule: 'relay', tokens: text.slice(relay.cue.start, relay.cue.end) });
        for (const d of previous.drafts) if (!d.via.length && d.speaker.people.every((p) => !who.people.includes(p))) d.via = who.people;
        return { drafts, unattributed, current };
      }
    }
  }

  // 与党内からは、…との声が上がっている / X氏からは「…」という指摘が出た: opinions voiced from a source.
  const voiced = opinionFrom(v);
  if (voiced) {
    const who = book.resolve(voiced.source, current);
    if (who) drafts.push({ speaker: who, via: [], kind: voiced.kind, cue: voiced.cue, content: boundContent(voiced.content), mention: 'explicit', rule: 'opinion-from', tokens: text.slice(voiced.cue.start, voiced.cue.end) });
  }

  // Where the first complement may start: after connectives, a topic speaker and its adverbials.
  const opening = sentenceOpening(v);
  let topic: Speaker | null = null;
  // …大統領が停戦を望んでいるとは思えない、と不信感を露わにした: a complement closed by 、と is a whole sentence
  // quoted; its subject is part of what is said, and the speaker is named after と or carried from before.
  const firstCue = cues.find((c) => c.rule !== 'hearsay');
  // さらに、日本は…と強調した after a person's claim: the person goes on; 日本は is what they said.
  // (So does the speaker before of ロシア軍が…を教えているとして、「…」との見解を示した: a subject with が closed by a
  // として that a later cue goes on from is inside what として gives.)
  // (So does a person who spoke in the sentence before when a country alone is the topic: 日本は、…演習を行い、…ことが
  // 効果的だと述べた goes on with what they said about it.)
  const countryAfterSpeech = !!opening.topic && opening.topic.type === 'government' && STATE_NAMES.test(opening.topic.text)
    && !!carried && carried.people.length === 1 && carried.people[0]!.type === 'person' && !!previous?.drafts.some((d) => sameSpeakers(d.speaker, carried))
    && !!firstCue?.verb && GOING_ON.has(firstCue.verb);
  const continues = !!opening.topic && (carried?.people.some((p) => p.type === 'person') && opening.topic.type === 'government' && (opening.continuation || countryAfterSpeech)
    || !!carried && !!firstCue && firstCue.rule === 'toshite' && toks[opening.topic.to]?.surface === 'が' && opening.topic.to <= firstCue.from
      && opening.topic.type !== 'person' && !closesQuote(toks[v.prev(firstCue.from)]?.surface ?? '') && cues.some((c) => c.rule !== 'hearsay' && c.from >= firstCue.to));
  // (So is the subject of a complement whose speaker is named after it: 北朝鮮が…発射したと、合同参謀本部が明らかにした.)
  const quotedSubject = !!firstCue && !!opening.topic && opening.topic.to <= firstCue.from
    && (commaTo(v, firstCue.from) && toks[opening.topic.to]?.surface === 'が' || firstCue.rule === 'quotative-speaker-after' && cues.length === 1);
  // (The adverbials are skipped only for a cue: most sentences have none.)
  const contentStart = !cues.length ? 0 : continues || quotedSubject ? opening.topicFrom : skipAdverbials(v, opening.adverbialsFrom);
  if (!continues && !quotedSubject && opening.topic) {
    topic = book.resolve(opening.topic, current);
    const co = opening.coTopics?.length ? opening.coTopics.map((c) => book.resolve(c, current)).filter((x): x is Speaker => x !== null) : [];
    // (ソコロフとオルロワの両氏は: "both" are the two just named, not two found before.)
    if (co.length && opening.topic.type === 'anaphor') topic = { people: co.flatMap((c) => c.people), source: { start: co[0]!.source!.start, end: opening.topic.end } };
    else if (topic && co.length) topic = { people: [...co.flatMap((c) => c.people), ...topic.people], source: { start: co[0]!.source!.start, end: topic.source!.end } };
  }
  // 北村教授は「…」。 / X氏は停戦について、「…」と。: a topic, then a quotation that closes the sentence with its verb
  // left out, as captions and broadcast summaries write it.
  if (!firstCue && topic && !opening.inDocument) {
    const elided = elidedVerbQuote(v, skipAdverbials(v, opening.adverbialsFrom));
    if (elided) {
      drafts.push({ speaker: topic, via: [], kind: 'quote', cue: elided.cue, content: boundContent(elided.content), mention: 'explicit', rule: 'quote-no-verb', tokens: elided.cue ? text.slice(elided.cue.start, elided.cue.end) : '' });
      return { drafts, unattributed, current: topic };
    }
  }
  let clauseStart = contentStart;
  let lastSpeaker: Speaker | null = topic;
  let frameSeen = false;
  // The first cue that is the sentence's own (no frame, no statement it answers): the topic speaks there.
  const ownFirst = firstOwnCue(cues, v);

  // (A loop, not forEach: a callback would keep every variable of the sentence in a context allocated per call.)
  for (let ci = 0; ci < cues.length; ci++) {
    const cue = cues[ci]!;
    const next = cues[ci + 1];
    // A cue whose predicate runs straight into another quotative is reported by the next one (relay).
    const nested = next && next.rule !== 'frame' && next.from - cue.to <= 1 && next.from >= cue.to;
    let speaker: Speaker | null = null;
    let mention: Attribution['mention'] = 'explicit';
    let contentFrom = clauseStart;
    let contrast: ReturnType<typeof contrastedSubject> = null;
    // …が進展していると判断する場合、: a predicate modifying a noun of supposition says what someone might say, not what
    // anyone said.
    const after = toks[cue.to];
    if (cue.rule !== 'frame' && after && after.pos === '名詞' && MODAL_NOUNS.test(after.surface)) {
      clauseStart = afterCue(v, cue);
      continue;
    }

    if (cue.rule === 'frame') {
      speaker = book.resolve(cue.frame!, current);
      if (!speaker) continue;
      // The proposition runs from after the frame to the end of the sentence, without evidential tails.
      let from = cue.to;
      while (from < toks.length && (toks[from]!.surface === '、' || /^\s+$/.test(toks[from]!.surface))) from++;
      let { end: endTok, tail } = evidentialEnd(v, from);
      // The proposition ends where the next reporting cue's complement does (Xによれば、…と指摘する), so a
      // folded block of such lines gives one claim a line, not one running to the end.
      const nextCue = cues.slice(ci + 1).find((c) => c.rule !== 'frame' && c.rule !== 'hearsay' && c.complementEnd > from);
      if (nextCue && nextCue.complementEnd < endTok) { endTok = nextCue.complementEnd; tail = false; }
      // …と、X紙がY当局の話として報じた: the frame names the outlet's source, and only the verb of reporting follows it.
      if (from < endTok && endTok - from <= 4 && toks[from]!.pos === '動詞' && isSpeechPredicate(toks[from]!)) continue;
      let content = spanOf(v, from, endTok);
      if (content && QUOTE_OPEN.has(text[content.start]!) && QUOTE_CLOSE.has(text[content.end - 1]!) && v.match.get(toks.findIndex((t) => t.start === content!.start)) === toks.findIndex((t) => t.end === content!.end)) {
        content = { start: content.start + 1, end: content.end - 1 };
      }
      frameSeen = true;
      if (content && content.end > content.start) {
        const frameStart = cue.frame!.start;
        drafts.push(mk(speaker, cue, v, content, 'according_to', 'explicit', { start: frameStart, end: cue.frame!.end }));
        // What the frame contains is said through it.
        for (const inner of cues.slice(ci + 1)) inner.rule !== 'frame' && ((inner as Cue & { via?: DraftPerson[] }).via = speaker.people);
      }
      lastSpeaker = speaker;
      clauseStart = tail ? afterTail(v, endTok) : from;
      continue;
    }
    if (cue.rule === 'hearsay' && frameSeen) continue;
    // …必要があると考えていたため、…変更したと説明: a cue closing a reason for what a later cue says is part of that.
    if (cue.rule !== 'frame' && next && REASON_AFTER.test(toks[cue.to]?.surface ?? '') && cues.slice(ci + 1).some((c) => c.rule !== 'frame' && c.rule !== 'hearsay')) continue;
    if (cue.rule === 'hearsay') {
      // …という。 with a speaker carried from before: that speaker's report; with none, unattributed.
      const from = skipAdverbials(v, clauseStart);
      const content = spanOf(v, from, cue.from);
      if (!content) continue;
      // (A subject with が is what the report is about: …上川外務大臣が来週訪問する予定だということです.)
      const subjectGa = opening.topic && toks[opening.topic.to]?.surface === 'が';
      const ownTopic = topic && !subjectGa && topic.people.every((p) => p.type === 'person' || p.type === 'media') ? topic : null;
      // (A thing or a body carried from sentences that only told what it did, 探査機は…着陸した。…という。, is no
      // source: the report is a person's, or a body's that has said something before.)
      const reporter = carried && (!spoke || carried.people.every((p) => p.type === 'person' || spoke.has(p))) ? carried : null;
      // (What the topic did not say, ヘグセス氏は数値目標に言及しなかったという, is told of them by someone unnamed.)
      // (Nor is anyone's where the sentence gives its source as news just in, 先ほど入ってきた情報ですが、…ということです.)
      const unnamed = unsaidBefore(v, cue.from) || UNNAMED_INFORMATION.test(v.text.slice(v.span.start, toks[cue.from]!.start));
      const who = unnamed ? null : ownTopic ?? (topic && !subjectGa ? null : lastSpeaker === topic ? null : lastSpeaker) ?? reporter;
      // (…を行っているとし、…確認されていないという。: the same speaker's claims chained, the last one hearsay.)
      const chained = !!who && drafts.length > 0 && drafts.every((d) => sameSpeakers(d.speaker, who)) && toks[cues[ci - 1]?.to ?? -1]?.surface === '、';
      if (who && (drafts.length === 0 && cues.length === 1 || chained)) {
        const said = ownTopic || chained ? content : spanOf(v, skipAdverbials(v, opening.topicFrom), cue.from) ?? content;
        // 「…」という: a quotation is what was said, without its brackets.
        const quoted = QUOTE_OPEN.has(text[said.start]!) && closes(text, said.start) === said.end - 1 && said.end - said.start > 2;
        drafts.push(mk(who, cue, v, quoted ? { start: said.start + 1, end: said.end - 1 } : said, quoted ? 'quote' : 'reported', ownTopic ? 'explicit' : 'elided'));
      } else if (!who) {
        unattributed.push({ content: { ...content, text: '' }, cue: { start: toks[cue.from]!.start, end: toks[cue.to - 1]!.end, text: '' }, footnotes: [], reason: 'hearsay with no named source (…という)' });
      }
      continue;
    }

    // 「…」と予想するのは土屋隆・北陵大教授だ: a cleft names the speaker at the end of the sentence.
    // (A として inside a relative clause is the described person's, who does not speak on after it.)
    let described = false;
    let answered = -1;
    if (!cue.after && cue.rule !== 'hearsay') {
      cue.after = cleftSpeaker(v, cue.to) ?? headSpeaker(v, cue) ?? undefined;
      const head = !cue.after && cue.rule === 'toshite' ? relativeHead(v, cue.to) : null;
      if (head) { cue.after = head; described = true; }
    }
    if (cue.after) {
      speaker = book.resolve(cue.after, current);
    } else if ((answered = triggerEnd(v, cue.to)) > 0) {
      // (Who is answered does not speak on: the answer is the topic's, or the speaker's carried from before.)
      described = true;
      // Xは、Yが…との見解を示したことを受け、…と述べた: the statement X answers is Y's, the subject inside the clause
      // (none named: no claim); X's own comes after it.
      // (…と述べたことについて、「…」と説明した with no one named inside: the topic's own earlier words, explained.)
      const inner = subjectAfter(v, clauseStart, cue.from, false) ?? firstSubject(v, clauseStart, cue.from);
      if (inner) {
        speaker = book.resolve(inner.phrase, current);
        contentFrom = inner.contentFrom;
      } else if (topic && ABOUT_LINK.test(v.text.slice(toks[cue.to]!.end, toks[answered - 1]!.start))) {
        speaker = topic;
      } else {
        clauseStart = afterCue(v, cue);
        continue;
      }
    } else if (nested && ci === 0 && !topic) {
      speaker = null;
    } else if (nested && topic && next!.rule === 'hearsay' && !isMedia(topic)) {
      // 専門家パネルは報告書で、北朝鮮は…と指摘しているという: という reports the topic's statement; a subject
      // after the topic is inside it.
      speaker = topic;
      contentFrom = Math.max(contentFrom, contentStart);
    } else if (nested && topic && (cue.rule === 'koto' || cue.rule === 'you')) {
      // Xは、Yが…したことを確認したと明らかにした: Yが is the subject of the clause before こと; X confirmed and
      // made it public (the outer claim covers this one).
      speaker = topic;
    } else if (nested) {
      // The inner speaker: the first subject after the outer topic (ロイター通信は、X首相が…と述べたと報じた), an unnamed
      // one too (…、大統領府関係者が「…」と語ったことを伝えた: not whoever spoke before).
      const inner = subjectAfter(v, clauseStart, cue.from, false, true);
      if (inner) {
        speaker = book.resolve(inner.phrase, current);
        contentFrom = inner.contentFrom;
      }
    } else if (topic && ci === ownFirst && (contrast = contrastedSubject(v, clauseStart, cue.from, toks[opening.topic?.to ?? -1]?.surface === 'が'))) {
      // Aは…と予想されているが、Bは…と予測している: a clause of contrast closes the topic's clause; the
      // subject after it speaks.
      speaker = book.resolve(contrast.phrase, current);
      contentFrom = contrast.contentFrom;
    } else if (topic && ci === ownFirst && toks[cue.to]?.surface === 'の' && /^に対し(?:て)?$/.test(toks[cue.to + 1]?.surface ?? '')) {
      // X大臣は、記者団が「…」と質問したのに対し、「…」と述べた: the clause set against the topic's answer has its
      // own speaker, the subject in it (none that can be named: no claim).
      contrast = subjectAfter(v, clauseStart, cue.from, false);
      if (!contrast) continue;
      speaker = book.resolve(contrast.phrase, current);
      contentFrom = contrast.contentFrom;
    } else if (topic && ci === ownFirst && !(reportsNews(cue) && !isMedia(topic))) {
      speaker = topic;
      // Xによると、Y氏は…と述べた: the topic after a frame is not part of what it says.
      if (frameSeen) contentFrom = Math.max(contentFrom, contentStart);
    } else if (topic && ci === ownFirst) {
      // ペルーが…を検討していると報じた: a non-outlet before 報じた is what was reported; the outlet is carried.
      contentFrom = opening.topicFrom;
      if (carried && isMedia(carried)) { speaker = carried; mention = 'elided'; }
    } else {
      // A subject of this clause (…によると、X政府は…と分析; …と述べ、Bは…と反論した), else the same speaker goes on.
      const later = ci > ownFirst && !frameSeen;
      let inner = continues || opening.inDocument ? null : subjectAfterContrast(v, clauseStart, cue.from, later) ?? subjectAfter(v, clauseStart, cue.from, later);
      // After a frame, an unnamed subject (メディア報道は, 関係者は) is part of what the frame's source says.
      if (inner && frameSeen && inner.phrase.type === 'group') inner = null;
      // (A subject with が in a complement closed by 、と is inside the sentence quoted.)
      if (inner && commaTo(v, cue.from) && toks[inner.phrase.to]?.surface === 'が') inner = null;
      // X氏は「…」と述べ、ロシアは…に迫られていると説明した: after a person's claim in the sentence, a country as the
      // subject of a verb that goes on explaining is part of what the person explains (…と反論した would be its own).
      // (So is one before とし / としつつ / としながら, which carry the person's explanation on.)
      // (So is the speaker's own body: …とした上で、日銀は…「…」と述べた, after the Bank's board member spoke.)
      const ownBody = !!inner && inner.phrase.type !== 'person' && !!lastSpeaker?.people.length && lastSpeaker.people.every((p) => p.type === 'person' && !!p.organization && (p.organization === inner!.phrase.core || p.organization.endsWith(inner!.phrase.core)));
      if (inner && later && (inner.phrase.type === 'government' || ownBody) && lastSpeaker?.people.length && lastSpeaker.people.every((p) => p.type === 'person') && (cue.verb && GOING_ON.has(cue.verb) || cue.rule === 'toshite')) inner = null;
      if (inner) {
        speaker = book.resolve(inner.phrase, current);
        contentFrom = inner.contentFrom;
      } else if (lastSpeaker ?? topic) {
        speaker = lastSpeaker ?? topic;
        mention = 'elided';
      }
    }
    if (!speaker && !cue.after) {
      // …という記者らの質問に対し、X報道官は、「…」と語った: after a long clause no topic was found at the head; a
      // subject right before the quotation, after a clause break, speaks (同報道官 too).
      const quoted = complementSpan(v, cue, contentFrom);
      const own = quoted?.kind === 'quote' ? subjectBeforeQuote(v, quoted.span.start, contentFrom, true) : null;
      if (own) { speaker = own; mention = 'explicit'; }
    }
    if (!speaker && carried) {
      speaker = carried;
      mention = 'elided';
    }
    if (!speaker) {
      const content = complementSpan(v, cue, contentFrom);
      if (content) unattributed.push({ content: { ...content.span, text: '' }, cue: { start: toks[cue.from]!.start, end: toks[cue.to - 1]!.end, text: '' }, footnotes: [], reason: 'no speaker before the cue' });
      // (A relayed cue with no speaker of its own stays inside the relay's content: …と語ったと伝えた.)
      if (!nested) clauseStart = afterCue(v, cue);
      continue;
    }
    let content = complementSpan(v, cue, contentFrom);
    // 日本電産は…を想定し、永守会長は「…」との見方を示した: a complement that runs on into a subject of its own and its
    // quotation (a clause break before it) is that subject's quotation.
    if (content && content.kind === 'reported' && !cue.after && text[content.span.end - 1] === '」') {
      const open = text.lastIndexOf('「', content.span.end - 1);
      // (A topic, with は: 日銀が「…」を求めた asks the subject with が to do what is quoted.)
      const before = toks.findIndex((t) => t.end === open + 1) - 1;
      if (open > content.span.start && closes(text, open) === content.span.end - 1 && toks[before]?.surface === 'は') {
        // (The comma closing the clause before may stand just before where the complement starts.)
        const own = subjectBeforeQuote(v, open + 1, toks[contentFrom - 1]?.surface === '、' ? contentFrom - 1 : contentFrom);
        // (A person: a body as the topic, 演説し、NATOは「…」と述べた, is what the speaker says about it.)
        if (own && own.people.every((p) => p.type === 'person') && !own.people.some((p) => speaker!.people.includes(p))) {
          speaker = own;
          mention = 'explicit';
          content = { span: { start: open + 1, end: content.span.end - 1 }, kind: 'quote' };
        }
      }
    }
    if (content && content.kind === 'quote' && !cue.after) {
      // …を求めたが、知事は「予定はない」と退けた: a subject right before the quotation, after a clause
      // break, is the speaker of that quotation, whoever the sentence's topic was.
      const own = subjectBeforeQuote(v, content.span.start, contentFrom);
      if (own && !own.people.some((p) => speaker!.people.includes(p))) { speaker = own; mention = 'explicit'; }
    }
    // (A passive of respect with no person named as the topic is no claim: …と説明されている may be anyone's.)
    if (cue.honorific && !(mention === 'explicit' && speaker === topic && speaker.people.every((p) => p.type === 'person'))) {
      clauseStart = afterCue(v, cue);
      continue;
    }
    if (content) {
      const d = mk(speaker, cue, v, content.span, content.kind, mention, speaker.source ?? undefined);
      const via = (cue as Cue & { via?: DraftPerson[] }).via;
      if (via) d.via = via.filter((p) => !speaker!.people.includes(p));
      drafts.push(d);
      if (content.kind === 'quote' && toks.slice(cue.from, cue.to).some((t) => t.surface === 'それぞれ')) drafts.push(...respectivePairs(v, cue, content.span, book, current));
      if (nested && next) (next as Cue & { nestedInner?: Draft }).nestedInner = d;
      const inner = (cue as Cue & { nestedInner?: Draft }).nestedInner;
      if (inner && !inner.via.length) inner.via = speaker.people.filter((p) => !inner.speaker.people.includes(p));
      if (!nested && !described) lastSpeaker = speaker;
    }
    // The next cue's complement starts after this one's predicate (…と述べ、…と強調した), unless nested.
    if (!nested) clauseStart = afterCue(v, cue);
  }

  // Xによると、…と言及する: one claim, the cue's; the frame's own span would credit the passage twice.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const f = drafts[i]!;
    if (f.rule !== 'frame') continue;
    const inner = drafts.find((d) => d !== f && d.rule !== 'frame' && d.content.start >= f.content.start && d.content.end <= f.content.end && d.speaker.people.some((p) => f.speaker.people.includes(p)));
    if (inner) { inner.kind = 'according_to'; drafts.splice(i, 1); }
  }
  if (lastSpeaker && lastSpeaker !== topic) current = lastSpeaker;
  // The topic of a sentence with no claim may speak next (X氏は会見を開いた。…と述べた), unless the
  // sentence asks about it (日本は何をすべきか。).
  // Nor does a country whose deeds the sentence tells (台湾は備蓄を10日で使い果たす。, 北朝鮮は…派兵したとみられている):
  // the one who spoke before goes on speaking.
  // (Unless what it tells is the issue of a statement: 外務省は報道官談話を発表した。談話では… is the ministry's.)
  // (An official named by post alone is no country: ロシア当局の報道官は…非難した。「…」と述べ is the spokesman's.)
  else if (topic && (drafts.length || !/[か?？][。\s]*$/.test(text.slice(v.span.start, v.span.end)))
    && !(!drafts.length && carried && topic.people.every((p) => p.type === 'government') && !opening.topic?.title && !ISSUED_STATEMENT.test(text.slice(v.span.start, v.span.end)))) current = topic;
  // こう語った / そう批判する: the quotation next to it.
  const kou = kouSentence(v, book, current, before) ?? (drafts.length || cues.length ? null : ownerSentence(v, book, current, before));
  if (kou) { drafts.push(kou); current = kou.speaker; }
  // 作家の佐藤優氏が言う。(改行)「…」: a sentence that only says who speaks introduces the quotation after it.
  const intro = !drafts.length && !cues.length ? introSentence(v, book, current) : null;
  if (intro) { drafts.push(intro); current = intro.speaker; }
  // まず北陵党の森戸一郎代表。: a sentence that is only a person named speaks next.
  const presented = !drafts.length && !cues.length && !intro ? presentedPerson(v) : null;
  if (presented) current = book.resolve(presented, current) ?? current;
  return { drafts, unattributed, current };
}

/** A statement issued (…談話を発表した, 声明を出した): its issuer speaks in what follows. */
/** A news dateline: 【ソウル共同】, ロンドン(CNN), [ワシントン 5日 ロイター]. */
const DATELINE = /^(?:(?:【[^【】\n]{1,20}】|\[[^\[\]\n]{1,24}\])[ \u3000]*|[\u30A1-\u30FA\u30FC\u4e00-\u9fff々・]{1,10}[(（][^()（）\n]{1,12}[)）][ \u3000]+)(?:[-－–—―][ \u3000]+)?/;
const ISSUED_STATEMENT = /(?:談話|声明|声明文|報告書|白書|コメント)を(?:発表|公表|出|発出)/;

/**
 * AがQ1、BがQ2とそれぞれ語った: each subject said the quotation after it. `last` is the last quotation (the cue's
 * own claim); the pairs before it are read back from it, each Xが (or Xは) 「…」 and a comma.
 */
function respectivePairs(v: SentenceView, cue: Cue, last: Span, book: SpeakerBook, current: Speaker | null): Draft[] {
  const { toks, text } = v;
  const out: Draft[] = [];
  let open = toks.findIndex((t) => t.end === last.start && opensQuote(t.surface));
  for (let guard = 0; open > 0 && guard < 4; guard++) {
    const particle = v.prev(open);
    if (particle < 1 || toks[particle]!.pos !== '助詞' || !/^(?:が|は)$/.test(toks[particle]!.surface)) break;
    const np = nounPhraseEndingAt(text, toks, particle - 1, 0);
    if (!np) break;
    const comma = v.prev(np.from);
    const close = comma >= 0 && toks[comma]!.surface === '、' ? v.prev(comma) : -1;
    if (close < 0 || !closesQuote(toks[close]!.surface) || v.depth[close] || !v.match.has(close)) break;
    const opener = v.match.get(close)!;
    const subject = v.prev(opener);
    if (subject < 1 || toks[subject]!.pos !== '助詞' || !/^(?:が|は)$/.test(toks[subject]!.surface)) break;
    const speakerNp = nounPhraseEndingAt(text, toks, subject - 1, 0);
    const sp = speakerNp ? classify(speakerNp, toks, v.book) : null;
    const who = sp ? book.resolve(sp, current) : null;
    if (!who) break;
    const content = { start: toks[opener]!.end, end: toks[close]!.start };
    if (content.end > content.start) out.push(mk(who, cue, v, content, 'quote', 'explicit', who.source ?? undefined));
    open = opener;
  }
  return out;
}

/** …するのは X(だ|です)。: the phrase closing a cleft whose の は stands at `at`, when it reads as a speaker. */
/**
 * 「…」と分析する元秘書は / …と話す山田教授も: a reporting predicate in the attributive form modifying its speaker, who
 * is the subject of what follows.
 */
function headSpeaker(v: SentenceView, cue: Cue): SpeakerPhrase | null {
  const { toks, text } = v;
  const last = toks[cue.to - 1];
  if (!last || cue.rule === 'frame' || !(last.conj.startsWith('基本形') || last.pos === '助動詞' && last.surface === 'た')) return null;
  if (!toks[cue.to] || toks[cue.to]!.pos !== '名詞' && toks[cue.to]!.pos !== '接頭詞') return null;
  // (…と発表した北浦知事。: the head ending the sentence, as a news lead that names its subject last.)
  for (let j = cue.to + 1; j <= toks.length && j <= cue.to + 8; j++) {
    const t = toks[j];
    const stop = !t || t.surface === '。';
    if (!stop && t.pos !== '名詞' && t.pos !== '接頭詞' && !(t.pos === '助詞' && /^(?:は|が|も)$/.test(t.surface))) return null;
    if (!stop && t.pos !== '助詞') continue;
    const np = nounPhraseEndingAt(text, toks, j - 1, cue.to);
    if (!np || np.from !== cue.to) return null;
    const sp = classify(np, toks, v.book);
    return sp && sp.type !== 'anaphor' && sp.type !== 'group' ? sp : null;
  }
  return null;
}

/**
 * …に依存しすぎているとして、増額を求めてきたトランプ大統領を「…」と迎えた: a として clause inside a relative clause is
 * said by the person the clause describes, the noun its verb modifies. The person, or null when the clause has a
 * subject of its own or ends otherwise.
 */
function relativeHead(v: SentenceView, k: number): SpeakerPhrase | null {
  const { toks, text } = v;
  for (let j = k; j < toks.length && j < k + 20; j++) {
    const t = toks[j]!;
    if (v.depth[j] || t.surface === '。' || opensQuote(t.surface) || t.pos === '助詞' && /^(?:は|が|も)$/.test(t.surface)) return null;
    if (t.pos !== '動詞' || t.pos1 !== '自立') continue;
    // The first verb after として governs it: its chain (求め|て|き|た) must end in the attributive before a noun.
    let e = j + 1;
    while (e < toks.length && (toks[e]!.pos === '助動詞' || toks[e]!.pos === '動詞' && toks[e]!.pos1 !== '自立' || toks[e]!.pos === '助詞' && /^(?:て|で)$/.test(toks[e]!.surface))) e++;
    const last = toks[e - 1]!;
    if (!(last.conj.startsWith('基本形') || last.surface === 'た')) return null;
    const n = toks[e];
    if (!n || n.pos !== '名詞' || n.pos1 === '非自立' || n.pos1 === '接尾' || n.pos1 === '代名詞') return null;
    let f = e;
    while (f < toks.length && f < e + 10 && (toks[f]!.pos === '名詞' || toks[f]!.pos === '接頭詞')) f++;
    if (toks[f]?.pos !== '助詞') return null;
    const np = nounPhraseEndingAt(text, toks, f - 1, e);
    const sp = np && np.from === e ? classify(np, toks, v.book) : null;
    return sp && sp.type === 'person' ? sp : null;
  }
  return null;
}

function cleftSpeaker(v: SentenceView, at: number): SpeakerPhrase | null {
  const { toks, text } = v;
  if (toks[at]?.surface !== 'の' || toks[at + 1]?.surface !== 'は' || toks[at]!.pos !== '名詞' && toks[at]!.pos !== '助詞') return null;
  let e = toks.length;
  while (e > at + 2 && (toks[e - 1]!.pos === '助動詞' || /^[。\s]$/.test(toks[e - 1]!.surface))) e--;
  if (e <= at + 2 || !isNominal(toks[e - 1]!)) return null;
  const np = nounPhraseEndingAt(text, toks, e - 1, at + 2);
  const sp = np ? classify(np, toks, v.book) : null;
  return sp && sp.type !== 'anaphor' ? sp : null;
}

/**
 * A sentence that is only a speaker and a verb of speech (…佐藤優氏が言う。, …教授は話す。), followed by a
 * quotation opening the next line: the quotation is the speaker's.
 */
function introSentence(v: SentenceView, book: SpeakerBook, current: Speaker | null): Draft | null {
  const { toks, text } = v;
  let e = toks.length;
  while (e > 0 && /^[。\s]$/.test(toks[e - 1]!.surface)) e--;
  // The predicate: a verb of speech and its endings (言う, 語った, 話します).
  let p = e - 1;
  while (p > 0 && (toks[p]!.pos === '助動詞' || toks[p]!.pos === '動詞' && toks[p]!.pos1 !== '自立')) p--;
  const verb = toks[p];
  if (!verb || !(verb.pos === '動詞' && verb.pos1 === '自立' && SPEECH_VERBS.has(verb.base))) return null;
  const particle = toks[p - 1];
  if (!particle || particle.pos !== '助詞' || (particle.surface !== 'が' && particle.surface !== 'は')) return null;
  const np = nounPhraseEndingAt(text, toks, p - 2, 0);
  if (!np || np.from > 0 && !/^[、\s]$/.test(toks[np.from - 1]!.surface) && !isNominal(toks[np.from - 1]!) && toks[np.from - 1]!.surface !== 'の' && toks[np.from - 1]!.surface !== 'で') return null;
  const sp = classify(np, toks, v.book);
  if (!sp || sp.type === 'anaphor') return null;
  let q = v.span.end;
  while (q < text.length && q < v.span.end + 4 && /[\s。]/.test(text[q]!)) q++;
  if (text[q] !== '「' || !text.slice(v.span.end, q).includes('\n')) return null;
  const close = closes(text, q);
  if (close < 0 || close - q > MAX_CONTENT || text.slice(q, close).includes('\n\n')) return null;
  const speaker = book.resolve(sp, current);
  if (!speaker) return null;
  const end = e;
  return { speaker, via: [], kind: 'quote', cue: { start: verb.start, end: toks[end - 1]!.end }, content: boundContent({ start: q + 1, end: close }), mention: 'explicit', rule: 'intro', tokens: surfaces(toks, p, end) };
}

/** The person a sentence of a noun phrase alone names (まず北陵党の森戸一郎代表。, 次に…の橋下一郎・元知事。), or null. */
function presentedPerson(v: SentenceView): SpeakerPhrase | null {
  const { toks, text } = v;
  if (v.span.end - v.span.start > 60) return null;
  let e = toks.length;
  while (e > 0 && /^[。\s]$/.test(toks[e - 1]!.surface)) e--;
  // (出石直解説委員です。: a presenter's introduction, the person alone before です.)
  const desu = e > 1 && e < toks.length && toks[e - 1]!.pos === '助動詞' && /^(?:です|でした)$/.test(toks[e - 1]!.surface);
  if (desu) e--;
  if (e === 0 || e === toks.length || toks[e - 1]!.pos !== '名詞') return null;
  const np = nounPhraseEndingAt(text, toks, e - 1, 0);
  if (desu && np?.from !== 0) return null;
  const sp = np ? classify(np, toks, v.book) : null;
  return sp && sp.type === 'person' && (sp.title || toks.slice(np!.from, np!.to).some((t) => t.pos2 === '人名')) ? sp : null;
}

/** After an evidential tail (ということですが、): where the next clause starts. */
function afterTail(v: SentenceView, k: number): number {
  const { toks } = v;
  while (k < toks.length && toks[k]!.surface !== '、' && toks[k]!.surface !== '。' && k < toks.length) k++;
  return k + 1;
}

function reportsNews(cue: Cue): boolean {
  return cue.verb !== undefined && /^(?:報じる|報ずる|報道)$/.test(cue.verb);
}

function isMedia(s: Speaker): boolean {
  return s.people.length > 0 && s.people.every((p) => p.type === 'media');
}

/** The first cue that is no frame, nor a statement the speaker answers (…と述べたことを受け、); -1 when none is. */
function firstOwnCue(cues: Cue[], v: SentenceView): number {
  return cues.findIndex((c) => c.rule !== 'frame' && triggerEnd(v, c.to) < 0);
}

/**
 * The first subject (…は, …が) from `from` to `to` outside quotations that names a speaker, whatever clause it
 * stands in (Yが…との見解を示した: the view's holder, though its complement seems to describe a noun).
 */
function firstSubject(v: SentenceView, from: number, to: number): { phrase: SpeakerPhrase; contentFrom: number } | null {
  const { toks } = v;
  for (let j = from; j < to; j++) {
    const t = toks[j]!;
    if (v.depth[j] || t.pos !== '助詞' || t.surface !== 'は' && t.surface !== 'が') continue;
    const np = nounPhraseEndingAt(v.text, toks, j - 1, from);
    const sp = np ? classify(np, toks, v.book) : null;
    if (sp && sp.type !== 'group' && sp.type !== 'anaphor') return { phrase: sp, contentFrom: skipAdverbials(v, j + 1) };
  }
  return null;
}

/**
 * Where the sentence goes on after a statement it answers (…と述べたことを受け(て)、 / …と発表したのを受けて、 /
 * …と主張したことに対し、), from the end `k` of that statement's cue: the token after the comma, or -1.
 */
function triggerEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  const a = toks[k]?.surface;
  if (a !== 'こと' && a !== 'の') return -1;
  // (…と発表したことに関連し、 / …と述べたのをめぐり、 / …ことについて、: what the sentence goes on to say is set
  // against that statement too.)
  let joined = '';
  for (let e = k + 1; e < toks.length && e <= k + 5; e++) {
    const w = toks[e]!.surface;
    // (…と発言したことについては「…」: a topic's は or も after the link.)
    const link = joined.replace(/[はも]$/, '');
    if (w === '、') return TRIGGER_LINK.test(link) ? e + 1 : -1;
    // (…とただしたのに対し「…」と述べた: the answer's quotation right after.)
    // (…と表明したことに「…」と述べた: に alone before the answer's quotation.)
    if (opensQuote(w)) return TRIGGER_LINK.test(link) || joined === 'に' ? e : -1;
    // (…と述べたことについて質問した: the act answering it right after the link, no comma.)
    if (joined && /^(?:について|に関して|に対して|に対し)$/.test(joined) && (toks[e]!.pos === '動詞' || toks[e]!.pos1 === 'サ変接続')) return e;
    joined += w;
  }
  return -1;
}

/**
 * After と at `k`: a noun phrase with を (the one spoken to or of), perhaps an adverb, then a verb of speech that is
 * no thought (政府を批判した, 首相を厳しく追及した, 厚労省と機構をただした); the verb's index, or -1.
 */
function targetThenSpeech(v: SentenceView, k: number): number {
  const { toks } = v;
  let j = k;
  while (j < toks.length && j < k + 10 && (toks[j]!.pos === '名詞' || toks[j]!.pos === '接頭詞' || toks[j]!.pos === '助詞' && /^(?:の|と|や)$/.test(toks[j]!.surface) && toks[j]!.pos2 !== '引用')) j++;
  if (j === k || toks[j]?.surface !== 'を' || toks[j]!.pos !== '助詞') return -1;
  j++;
  if (toks[j]?.pos === '副詞' || toks[j]?.pos === '形容詞' && toks[j]!.conj.startsWith('連用')) j++;
  const p = toks[j];
  if (!p || !isSpeechPredicate(p) || isThought(p)) return -1;
  if (p.pos === '名詞' && !(toks[j + 1]?.pos === '動詞' && toks[j + 1]!.base === 'する')) return -1;
  return j;
}

/**
 * Whether the noun before と at `i` heads a clause (…広がっていることへの対応と): a predicate before it since the last
 * comma or the sentence's start, and no を (XをYとする makes X into Y) nor は/が after that predicate.
 */
function nounHeadsClause(v: SentenceView, i: number): boolean {
  const { toks } = v;
  let predicate = false;
  for (let j = i - 1; j >= 0; j--) {
    if (v.depth[j]) continue;
    const t = toks[j]!;
    if (t.surface === '、' || t.surface === '。') break;
    if (t.pos === '助詞' && (t.surface === 'を' || !predicate && (t.surface === 'は' || t.surface === 'が'))) return false;
    if (t.pos === '動詞' && t.pos1 === '自立') predicate = true;
  }
  return predicate;
}

/** Where a clause from `k` that a statement closes and the sentence answers (…と述べたことについて、) ends, or -1. */
function answeredClauseEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  return clauseEndAt(v, k, 30, (j) => (toks[j]!.surface === 'こと' || toks[j]!.surface === 'の') && /^(?:動詞|助動詞)$/.test(toks[j - 1]?.pos ?? '') ? triggerEnd(v, j) : -1);
}

/** What closes a reason (…と考えていたため、 / …と思ったので、). */
const REASON_AFTER = /^(?:ため|為|ので|から)$/;

/** Those of TRIGGER_LINK that say what the sentence is about (its speaker may be explaining their own words). */
const ABOUT_LINK = /^(?:をめぐ|を巡|に関|について)/;

/** What joins a statement to the sentence that answers it: ことを受けて, ことに対し, ことに関連し, のをめぐり … */
const TRIGGER_LINK = /^(?:を(?:受け|うけ|めぐり|めぐって|巡り|巡って|踏まえ)|に(?:対し|関連し|関し|ついて|反発し|抗議し|触れ))(?:て)?$/;

function afterCue(v: SentenceView, cue: Cue): number {
  const answered = triggerEnd(v, cue.to);
  if (answered > 0) return answered;
  let k = cue.to;
  const { toks } = v;
  while (k < toks.length && (toks[k]!.surface === '、' || /^\s+$/.test(toks[k]!.surface) || v.marker[k] || toks[k]!.pos === '助詞' && /^(?:が|も|ながら|つつ|けれども|けど|とともに|と共に)$/.test(toks[k]!.surface)
    // …と予測する一方、… / …と述べる半面、…: the noun joining two clauses belongs to neither.
    || k === cue.to && /^(?:一方|半面|反面|傍ら|かたわら)$/.test(toks[k]!.surface) && /^(?:、|で)$/.test(toks[k + 1]?.surface ?? ''))) k++;
  return k;
}

function mk(speaker: Speaker, cue: Cue, v: SentenceView, content: Span, kind: Kind, mention: Attribution['mention'], source?: Span): Draft {
  const toks = v.toks;
  const cueSpan = { start: toks[cue.from]!.start, end: toks[Math.max(cue.from, cue.to - 1)]!.end };
  return {
    speaker: source ? { ...speaker, source } : speaker,
    via: [],
    kind,
    cue: cueSpan,
    content: boundContent(content),
    mention,
    rule: cue.rule,
    tokens: surfaces(toks, cue.from, cue.to),
  };
}

/** The surfaces of tokens [from, to) joined by |, as a draft's evidence shows its cue. */
function surfaces(toks: readonly JaToken[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += (k > from ? '|' : '') + toks[k]!.surface;
  return out;
}

function boundContent(s: Span): Span {
  return s.end - s.start > MAX_CONTENT ? { start: s.end - MAX_CONTENT, end: s.end } : s;
}

/**
 * The sentence's opening: connectives, then perhaps a topic speaker (Xは / Xが / Xも) with its adverbials
 * (4日、記者会見で、…について), after which the first complement starts: skipAdverbials(v, adverbialsFrom).
 */
function sentenceOpening(v: SentenceView): { topic: SpeakerPhrase | null; coTopics?: SpeakerPhrase[]; adverbialsFrom: number; topicFrom: number; continuation: boolean; inDocument?: boolean } {
  const { toks } = v;
  let k = skipConnectives(v, skipCredits(v));
  // (その上で is three tokens to the analyser: the connectives are matched on their text.)
  const continuation = k > 0 && /(?:^|、)(?:さらに|更に|また|加えて|その上で|そのうえで|一方|一方で|ただ|ただし|その後|同時に)(?:、|$)/.test(v.text.slice(toks[0]!.start, toks[k - 1]!.end));
  const opened = k;
  // この問題をめぐっては、/ 5日、/ 記者会見で、 before the topic
  const adv = skipAdverbials(v, k);
  if (adv > k && adv < toks.length && toks[adv - 1]!.surface === '、') k = adv;
  const topicFrom = k;
  // 報告書の中で、北朝鮮は… / …がまとめた報告書では、…: in a document the subjects are what it says, and whoever
  // wrote it speaks (a topic before it, 首相は声明で、, is the speaker as usual).
  for (let j = opened; j + 1 < toks.length && j < opened + 30; j++) {
    const t = toks[j]!;
    // (声明においては、: the same with において.)
    if (t.surface === 'は' && toks[j + 1]?.surface === '、' && DOCUMENT_VENUE.test(v.text.slice(toks[opened]!.start, t.end) + '、')) {
      return { topic: null, adverbialsFrom: j + 2, topicFrom, continuation, inDocument: true };
    }
    if (v.depth[j]! > 0 || t.surface === '。' || t.pos === '助詞' && t.pos1 === '係助詞') break;
    if (t.pos === '助詞' && (t.surface === 'で' && toks[j + 1]!.surface === '、' || t.surface === 'では') && DOCUMENT_VENUE.test(v.text.slice(toks[opened]!.start, t.end) + '、')) {
      return { topic: null, adverbialsFrom: toks[j + 1]!.surface === '、' ? j + 2 : j + 1, topicFrom, continuation, inDocument: true };
    }
  }
  // A topic within the first stretch of the sentence, outside quotations.
  // (…日米の関係を中国はテストしている、との見方: a topic after an object whose verb has not come yet is inside
  // that clause; これを受けて北村氏は is not.)
  let object = false;
  // (How far the topic is looked for: past a clause with a subject of its own, as far again after it.)
  let reach = k + 24;
  for (let j = k; j < toks.length && j < reach; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) break;
    if (t.surface === '、' || t.pos === '動詞') object = false;
    if (t.surface === 'を' && t.pos === '助詞') object = true;
    // 今回の事案を受けてHSAは: a clause in the て-form with no comma after it, then the sentence's own topic.
    if (t.pos === '動詞' && t.pos1 === '自立' && (toks[j + 1]?.surface === 'て' || toks[j + 1]?.surface === 'で') && toks[j + 1]!.pos === '助詞' && speakerTopicAt(v, j + 2)) {
      j++;
      object = false;
      reach = Math.max(reach, j + 16);
      continue;
    }
    if (t.pos === '動詞' && t.pos1 === '自立' && !(t.surface === 'よる' || t.base === 'よる')) {
      // 中国と約40年渡りあった森戸氏が…: a clause describing the noun after it is part of the topic's description,
      // when a topic or subject closes the noun phrase it describes; any other predicate ends the search.
      const e = relativeClauseEnd(v, j);
      if (e < 0 || !topicAhead(v, e)) break;
      j = e - 1;
      continue;
    }
    // 米紙「…」は: the outlet's title is part of the topic.
    if (t.surface === '「' && j > k && titlesName(toks[j - 1]!.surface) && (v.match.get(j) ?? -1) > j) { j = v.match.get(j)!; continue; }
    if (t.surface === '「' || t.surface === '。') break;
    // A sentence opening with a condition (…になれば、): what follows it is the consequence, not a speaker.
    if (isCondition(t)) break;
    if ((t.surface === 'は' || t.surface === 'が' || t.surface === 'も') && t.pos === '助詞') {
      if (object) continue;
      // A尹候補が…を主張したのに対し、B候補は…: the subject of a clause contrasted with the next is not the
      // sentence's topic; the search goes on after it.
      const contrast = t.surface === 'が' ? contrastClauseEnd(v, j + 1) : -1;
      if (contrast > 0) { j = contrast - 1; continue; }
      // 北辰機構が26日、会見し、森川マネジャーは「…」と述べた: the subject of a clause before the sentence's own topic
      // is not the speaker; the topic after it is.
      const before = t.surface === 'が' ? continuativeClauseEnd(v, j + 1) : -1;
      if (before > 0 && speakerTopicAt(v, before)) { j = before - 1; reach = Math.max(reach, before + 16); continue; }
      // 習主席が「…」と述べたことについて、「…」と話した: the subject of a statement the sentence answers is not its topic.
      const answered = t.surface === 'が' ? answeredClauseEnd(v, j + 1) : -1;
      if (answered > 0) { j = answered - 1; continue; }
      // 中国が進める南シナ海問題に関し…: a subject inside a clause that modifies a noun is not the sentence's.
      if (t.surface === 'が' && modifiesNoun(v, j + 1)) continue;
      // 台湾が中国の一部になれば、…: the subject of a condition is part of what is said.
      if (t.surface === 'が' && conditionFollows(v, j + 1)) continue;
      const np = nounPhraseEndingAt(v.text, toks, j - 1, k);
      // (JAXAは: initials the dictionary does not know, three letters or more, are a body as a topic too.)
      let sp = np ? topicPhrase(np, toks, v.book) : null;
      if (sp) {
        // AおよびBは, AとBは, A、Bは: coordinated speakers speak together.
        const co: SpeakerPhrase[] = [];
        let first = np!.from;
        for (let guard = 0; guard < 3; guard++) {
          const c = toks[first - 1];
          if (!c || !/^(?:および|及び|と|や|、|ならびに|並びに)$/.test(c.surface)) break;
          const prevNp = nounPhraseEndingAt(v.text, toks, first - 2, k);
          const prevSp = prevNp ? classify(prevNp, toks, v.book) : null;
          if (!prevSp || prevSp.type !== sp.type) break;
          // みずほ証券のエコノミスト、上野泰成氏は: a post with no name before a named person describes them.
          if (c.surface === '、' && sp.type === 'person' && postOnly(prevSp) && !postOnly(sp)) {
            sp = { ...sp, organization: sp.organization ?? prevSp.organization, title: sp.title ?? prevSp.title };
            break;
          }
          // 韓国の情報機関、国家情報院は: a body's kind, then its name, is one body.
          if (c.surface === '、' && sp.type !== 'person' && BODY_KIND.test(prevSp.core) && !BODY_KIND.test(sp.core)) break;
          co.unshift(prevSp);
          first = prevNp!.from;
        }
        return { topic: sp, coTopics: co, adverbialsFrom: j + 1, topicFrom, continuation };
      }
      // では / には: a frame or place, keep looking; otherwise the topic is not a speaker.
      if (toks[j - 1]?.surface === 'で' || toks[j - 1]?.surface === 'に') continue;
      break;
    }
  }
  return { topic: null, adverbialsFrom: k, topicFrom, continuation };
}

/**
 * A wire story's credit and dateline before its first sentence ((北京=新華社記者)【新華社北京1月14日】): where the
 * sentence proper starts, after any such groups in brackets.
 */
function skipCredits(v: SentenceView): number {
  const { toks } = v;
  let k = 0;
  for (let guard = 0; guard < 3; guard++) {
    const open = toks[k]?.surface;
    // ([ワシントン 27日 ロイター] - : a wire's dateline in square brackets, then a dash.)
    const close = open === '(' || open === '（' ? /^[)）]$/ : open === '【' ? /^】$/ : open === '[' || open === '［' ? /^[\]］]$/ : null;
    if (!close) break;
    let j = k + 1;
    while (j < toks.length && j < k + 30 && !close.test(toks[j]!.surface)) j++;
    if (j >= toks.length || j >= k + 30) break;
    k = j + 1;
    while (k < toks.length && /^(?:\s+|[-－―–—]+)$/.test(toks[k]!.surface) && (open === '[' || open === '［')) k++;
  }
  return k;
}

function skipConnectives(v: SentenceView, k: number): number {
  const { toks } = v;
  for (;;) {
    const t = toks[k];
    if (!t) return k;
    if (/^\s+$/.test(t.surface) || t.surface === '、' || t.surface === '・' && k === 0) { k++; continue; }
    // A connective the analyser cut into words (その|上|で、, 一方|で、): matched on the text, up to its comma,
    // before a one-word connective that begins it (一方) is taken alone.
    let m: RegExpExecArray | null = null;
    if (MULTI_CONNECTIVE_FIRST.has(v.text[t.start]!)) {
      MULTI_CONNECTIVE.lastIndex = t.start;
      m = MULTI_CONNECTIVE.exec(v.text);
    }
    if (m) {
      const end = t.start + m[0].length;
      let j = k;
      while (j < toks.length && toks[j]!.end <= end) j++;
      if (j > k && toks[j - 1]!.end === end) { k = j; continue; }
    }
    // (A time word before の describes a noun, 先月の入港時のように: part of the clause, no connective.)
    if (CONNECTIVES.has(t.surface) && !(t.pos === '名詞' && toks[k + 1]?.surface === 'の') || (t.pos === '接続詞')) {
      k++;
      // 一方で韓国の…は: the で of 一方で, 他方で without a comma belongs to the connective.
      if ((t.surface === '一方' || t.surface === '他方') && toks[k]?.surface === 'で' && toks[k]!.pos === '助詞') k++;
      continue;
    }
    // と、 opening a sentence closes a quotation before it (「…」\nと、…と述べた): not part of what follows.
    if (k === 0 && t.surface === 'と' && t.pos === '助詞' && toks[1]?.surface === '、') { k = 2; continue; }
    if (t.surface === 'これ' && toks[k + 1]?.surface === 'に' && /^対し/.test(toks[k + 2]?.surface ?? '')) { k += 3; continue; }
    return k;
  }
}

/**
 * Adverbials before a complement: dates (3日、), venues (記者会見で、ロイター通信のインタビューで), addressees
 * (記者団に対し), topics (…について、). Each must end with 、 or stand before a quotation to be skipped.
 */
function ownActionBefore(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let j = k; j < toks.length && j < k + 20; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0 || opensQuote(t.surface) || t.surface === '。') return k;
    if (t.pos === '助詞' && (t.surface === 'は' || t.surface === 'が' || t.surface === 'も' || t.pos2 === '引用')) return k;
    if (t.surface !== '、' || j === k) continue;
    const verb = toks[j - 1]!;
    const continuative = verb.pos === '動詞' && verb.pos1 === '自立' && verb.conj.startsWith('連用') || verb.surface === 'て' && toks[j - 2]?.pos === '動詞';
    if (!continuative) return k;
    // (…解かないよう求め、状況は…と述べた: a request or a statement is a claim of its own, not an act before one.)
    if (verb.pos === '動詞' && (REQUEST_VERBS.has(verb.base) || isSpeechPredicate(verb))) return k;
    // (…サイバー攻撃を受け、情報が漏えいした: what befell the speaker leads to what was said.)
    if (befell(toks, j - 1)) return k;
    // The clause after it has a subject of its own within its first words.
    for (let m = j + 1; m < toks.length && m < j + 10 && !v.depth[m]; m++) {
      const x = toks[m]!;
      if (x.pos === '助詞' && /^(?:は|が)$/.test(x.surface) && toks[m - 1]!.pos === '名詞') return j + 1;
      if (x.pos === '動詞' || x.surface === '、' || x.surface === '。') break;
    }
    return k;
  }
  return k;
}

const PARENS = new Set(['(', ')', '（', '）']);
/** A date or time standing as an adverbial (3日、 / 同日、 / きのう「…」). */
const DATE_ADVERBIAL = /^(?:(?:[\d０-９一二三四五六七八九十同今先昨前翌]+(?:日|月|年|週|日夜|日朝|日午前|日午後|時))+(?:夜|朝|午前|午後)?|同日|当日|今月|先月|今週|先週|昨年|今年|きょう|きのう|昨日|この日|先程|さきほど|このほど|今回)$/;

/** Nouns of a matter in the news that a lead opens with (…問題で、, …事件で、, …事故を受けて、 is not one). */
const MATTER_NOUNS = new Set(['問題', '事件', '事故', '事案', '疑惑', '騒動', '不祥事', '障害', '訴訟', '裁判', '件']);

/** Where a matter-lead opening at `k` (…問題で、 / …事件では、) ends, past its comma; or -1. */
function matterLeadEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let j = k + 1; j + 1 < toks.length && j < k + 80; j++) {
    const t = toks[j]!;
    if (v.depth[j]) continue;
    if (t.surface === '。' || t.pos === '助詞' && t.pos1 === '係助詞') return -1;
    // (A name or words in brackets describe the matter too: …「統一システム」で障害が発生した問題で、)
    if (opensQuote(t.surface)) {
      const close = v.match.get(j);
      if (close === undefined) return -1;
      j = close;
      continue;
    }
    if (t.pos === '助詞' && (t.surface === 'で' || t.surface === 'では') && MATTER_NOUNS.has(toks[j - 1]!.surface)) {
      return toks[j + 1]!.surface === '、' ? j + 2 : -1;
    }
  }
  return -1;
}

function skipAdverbials(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let guard = 0; guard < 6; guard++) {
    k = skipConnectives(v, k);
    // 米大統領返り咲きが決まったトランプ氏について、: what is spoken about, with a clause describing it.
    const about = aboutnessEnd(v, k);
    if (about > k) { k = about; continue; }
    // 1日に帰国し、北朝鮮は…と述べた: an action of the speaker's own (no subject of its own, a verb in the
    // continuative and a comma) before a clause with its own subject is not part of what was said.
    k = ownActionBefore(v, k);
    // …が予想される中、 / …が続くなか、: the circumstances of the statement, not what was said.
    if (v.hasCircumstance()) for (let j = k + 1; j < toks.length && j < k + 30 && !v.depth[j] && toks[j]!.surface !== '。'; j++) {
      const t = toks[j]!;
      // (A circumstance has a subject with が; a topic with は before 中 is the sentence's: 北村氏は、物価が上がる中、)
      if (t.pos === '助詞' && t.pos1 === '係助詞') break;
      if (t.surface !== '中' && t.surface !== 'なか') continue;
      const before = toks[j - 1]!;
      const after = toks[j + 1]?.surface === 'で' ? j + 2 : j + 1;
      if ((before.pos === '動詞' || before.pos === '助動詞') && toks[after]?.surface === '、') { k = after + 1; break; }
    }
    // …ができなくなっている問題で、 / …をめぐる事件で、: the matter a news lead is about, however long the clause that
    // describes it (a topic with は before it is the sentence's own).
    const matter = v.hasMatter() ? matterLeadEnd(v, k) : -1;
    if (matter > k) { k = matter; continue; }
    // 先ほど、 (two words to the analyser): a time adverbial.
    if (toks[k]?.surface === '先' && toks[k + 1]?.surface === 'ほど' && toks[k + 2]?.surface === '、') { k += 3; continue; }
    const start = k;
    let j = k;
    // a run of nominals and の
    // (a short title in brackets among them: 10月の「北辰モーターショー」について、)
    while (j < toks.length && j < start + 14 && !v.depth[j] && (isNominal(toks[j]!) || toks[j]!.surface === 'の' || PARENS.has(toks[j]!.surface) || toks[j]!.surface === 'との' || toks[j]!.surface === 'と' && toks[j + 1]?.surface === 'の' || toks[j]!.pos === '接頭詞' || toks[j]!.pos === '連体詞' && j === start || j > start && titleAt(v, j))) {
      j = titleAt(v, j) ? v.match.get(j)! + 1 : j + 1;
    }
    if (j === start) return k;
    const t = toks[j];
    if (!t) return k;
    // The run's text is read only before what can end a date, a venue or an audience (most runs end otherwise).
    const w = t.surface;
    const nounText = w === '、' || w === 'に' || w === 'で' || w === 'では' || w === 'に対し' || w === 'に対して' || QUOTE_OPEN.has(w) ? v.text.slice(toks[start]!.start, toks[j - 1]!.end) : '';
    const isDate = nounText !== '' && DATE_ADVERBIAL.test(nounText);
    if (isDate && (t.surface === '、' || t.surface === 'に' && toks[j + 1]?.surface === '、')) { k = j + (t.surface === 'に' ? 2 : 1); continue; }
    if (isDate && t.surface === 'の' === false && opensQuote(t.surface)) { k = j; continue; }
    // venue: …で、 / …での / …に対し、 / …に、 (記者団に)
    if ((t.surface === 'で' || t.surface === 'では' || t.surface === 'に対し' || t.surface === 'に対して') && VENUE_NOUNS.test(nounText)) {
      let e = j + 1;
      if (toks[e]?.surface === 'は') e++;
      if (toks[e]?.surface === '、') e++;
      k = e;
      continue;
    }
    // the audience: 記者団に、 / ロシアメディアに対して、 / 支持者に対し、 / (anyone addressed, set off by a comma) 東国に対し、
    if ((t.surface === 'に対し' || t.surface === 'に対して') && (isAudience(nounText) || toks[j + 1]?.surface === '、' && ADDRESSED_STATE.test(nounText))) {
      let e = j + 1;
      if (toks[e]?.surface === '、') e++;
      k = e;
      continue;
    }
    if (t.surface === 'に' && (/(?:取材|インタビュー|質問)$/.test(nounText) || isAudience(nounText))) {
      let e = j + 1;
      if (/^対し/.test(toks[e]?.surface ?? '')) e++;
      if (toks[e]?.surface === 'て') e++;
      if (toks[e]?.surface === '、') e++;
      k = e;
      continue;
    }
    // topics with a comma: …について、 / …については、 / …をめぐり、
    if (ABOUT_POSTPOSITION.test(t.surface) || (t.surface === 'を' && /^(?:めぐ|巡)/.test(toks[j + 1]?.surface ?? ''))) {
      let e = j + 1;
      if (t.surface === 'を') { e++; if (toks[e]?.surface === 'て') e++; }
      if (toks[e]?.surface === 'は' || toks[e]?.surface === 'も') e++;
      if (toks[e]?.surface === '、') { k = e + 1; continue; }
      if (toks[e] && opensQuote(toks[e]!.surface)) { k = e; continue; }
      return k;
    }
    return k;
  }
  return k;
}

/**
 * The subject written right before a quotation opening at `quoteStart` (Xは「…」), when a clause break (、)
 * stands before that subject and it lies past `floor`. Resolved against the book, or null.
 */
function subjectBeforeQuote(v: SentenceView, quoteStart: number, floor: number, anaphors = false): Speaker | null {
  const open = v.toks.findIndex((t) => t.end === quoteStart && opensQuote(t.surface));
  const sp = open < 0 ? null : phraseBeforeQuote(v, open, floor, anaphors);
  return sp ? v.book.resolve(sp, null) : null;
}

/** The speaker phrase of …、X は「…」: a subject right before the quotation, after a clause break (同氏 only when asked). */
function phraseBeforeQuote(v: SentenceView, open: number, floor: number, anaphors = false): SpeakerPhrase | null {
  const { toks } = v;
  let p = v.prev(open);
  // (X報道官は、「…」: a comma may stand between the topic and the quotation, when the fallback asks.)
  if (anaphors && p > floor && toks[p]!.surface === '、') p = v.prev(p);
  // (…ですが、松井代表は2日、記者団に対し「…」: the day, the place and the audience may stand between them.)
  // (Not a comma right before it, X氏は、「…」, which only the fallback accepts.)
  if (p > floor && !(toks[p]!.surface === 'は' || toks[p]!.surface === 'が' || toks[p]!.surface === '、')) {
    for (let j = p - 1; j > floor && j >= p - 16 && !v.depth[j]; j--) {
      const t = toks[j]!;
      if (t.pos === '動詞' && t.pos1 === '自立' && t.base !== '対する' || t.surface === '。') break;
      if (t.pos !== '助詞' || t.surface !== 'は' && t.surface !== 'が') continue;
      if (adverbialRun(v, skipAdverbials(v, toks[j + 1]?.surface === '、' ? j + 2 : j + 1), open)) p = j;
      break;
    }
  }
  if (p <= floor || !(toks[p]!.surface === 'は' || toks[p]!.surface === 'が') || toks[p]!.pos !== '助詞') return null;
  const np = nounPhraseEndingAt(v.text, toks, p - 1, floor);
  if (!np) return null;
  const before = v.prev(np.from);
  if (before < floor || toks[before]!.surface !== '、') return null;
  const sp = classify(np, toks, v.book);
  return !sp || sp.type === 'group' || sp.type === 'anaphor' && !anaphors ? null : sp;
}

/** Whether tokens [from, to) are only where and to whom (市役所で記者団に対し): nouns and case particles, no verb. */
function adverbialRun(v: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = v.toks[i]!;
    if (t.pos === '名詞' || t.pos === '接頭詞' || t.surface === '、' || /^(?:に対し|に対して|対し|て)$/.test(t.surface)) continue;
    if (t.pos === '助詞' && (t.pos1 === '格助詞' && t.surface !== 'が' && t.surface !== 'を' && t.surface !== 'と' || t.pos1 === '連体化')) continue;
    return false;
  }
  return true;
}

/** The first subject (Xは / Xが) between `from` and `to` that names a speaker, with where its complement starts. */
/**
 * The subject of a clause after a reported clause of contrast (…と予想されているが、 / …と述べたものの、) between
 * `from` and `to`, or null: the topic before the contrast is that clause's, not the speaker of what follows.
 */
function contrastedSubject(v: SentenceView, from: number, to: number, subjectByGa = false): { phrase: SpeakerPhrase; contentFrom: number } | null {
  const { toks } = v;
  for (let j = from + 1; j + 1 < to; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0 || t.pos !== '助詞' || t.pos1 !== '接続助詞' || toks[j + 1]!.surface !== '、') continue;
    if (t.surface !== 'が' && t.surface !== 'けれども' && t.surface !== 'けど' && t.surface !== 'ものの') continue;
    const before = toks[v.prev(j)];
    if (!before || before.pos !== '助動詞' && before.pos !== '動詞' && before.pos !== '形容詞') continue;
    // The closed clause is itself a report (…と予想されているが、): a contrast inside what is said
    // (お金は日本が出すが、利益は米国が取ると言う) keeps the topic. (A subject marked by が, 委員会が…まとめたものの、,
    // is the closed clause's own: it does not reach past it, whatever that clause is.)
    let reported = subjectByGa;
    for (let k = j - 1; k > from && k >= j - 9 && !reported; k--) {
      const verb = toks[k + 1]!;
      reported = toks[k]!.surface === 'と' && toks[k]!.pos === '助詞' && (verb.pos === '動詞' || verb.pos1 === 'サ変接続');
    }
    const inner = subjectAfter(v, j + 2, to, false);
    // (After any other clause, a person marked by が speaks: …を伝えたが、報道官である森田官房長官が「…」と述べた.)
    if (!reported) {
      if (inner && inner.phrase.type === 'person' && toks[inner.phrase.to]?.surface === 'が') return inner;
      continue;
    }
    return inner && inner.phrase.type !== 'anaphor' ? inner : null;
  }
  return null;
}

/**
 * The subject of the clause after the last contrast (…が、/…けれども、/…ものの、 after a predicate) between `from`
 * and `to`, when it names a speaker: Aがミサイルを迎撃し、大半は迎撃されたが、Bメディアは…と報じた is B's report (a
 * subject marked by が does not reach past such a clause, as a topic may). Null when there is no such clause.
 */
function subjectAfterContrast(v: SentenceView, from: number, to: number, topicOnly: boolean): { phrase: SpeakerPhrase; contentFrom: number } | null {
  const { toks } = v;
  let after = -1;
  // (From just before `from`: a clause that begins after a cue, …と語ったことを伝えたが、, begins after its comma.)
  for (let j = Math.max(1, from - 2); j + 1 < to; j++) {
    const t = toks[j]!;
    if (v.depth[j] || t.pos !== '助詞' || t.pos1 !== '接続助詞' || toks[j + 1]!.surface !== '、' || !/^(?:が|けれども|けど|ものの)$/.test(t.surface)) continue;
    const before = toks[v.prev(j)];
    if (before && (before.pos === '助動詞' || before.pos === '動詞' || before.pos === '形容詞')) after = j + 2;
  }
  if (after < 0) return null;
  // (Where only a topic may speak, a person marked by が may too: …と伝えたが、報道官である森田官房長官が「…」と述べた.)
  const inner = subjectAfter(v, after, to, topicOnly);
  const person = !inner && topicOnly ? subjectAfter(v, after, to, false) : null;
  if (person) return person.phrase.type === 'person' ? person : null;
  return inner && inner.phrase.type !== 'group' && inner.phrase.type !== 'anaphor' ? inner : null;
}

/**
 * Where the sentence goes on after a clause that starts at `k` and ends in a continuative verb and a comma (…会見し、 /
 * …を終えて、), commas after adverbials (26日、) passed over: the token after that comma, or -1 at a topic or a stop.
 */
function continuativeClauseEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  for (let j = k, seen = 0; j < toks.length && seen < 30; j++) {
    if (v.depth[j]) continue;
    seen++;
    const t = toks[j]!;
    if (t.surface === '。' || t.pos === '助詞' && t.pos1 === '係助詞' || opensQuote(t.surface)) return -1;
    if (t.surface !== '、') continue;
    const p = toks[j - 1]!;
    if (endsContinuative(p)) return j + 1;
  }
  return -1;
}

/** Whether a speaker's topic (Xは) stands in the words from `k`, before any comma, quotation or predicate. */
function speakerTopicAt(v: SentenceView, k: number): boolean {
  const { toks } = v;
  for (let j = k; j < toks.length && j < k + 16; j++) {
    const t = toks[j]!;
    if (v.depth[j] || t.surface === '、' || t.surface === '。' || opensQuote(t.surface) || t.pos === '動詞') return false;
    if (t.surface === 'は' && t.pos === '助詞') {
      const np = nounPhraseEndingAt(v.text, toks, j - 1, k);
      const sp = np ? topicPhrase(np, toks, v.book) : null;
      return !!sp && sp.type !== 'group';
    }
  }
  return false;
}

/**
 * Where the sentence goes on after a clause contrasted with it (…したのに対し、 / …する一方、 / …した一方で、)
 * that starts at `k`: the token after the comma, or -1.
 */
function contrastClauseEnd(v: SentenceView, k: number): number {
  const { toks } = v;
  return clauseEndAt(v, k, 24, (j) => {
    if (!/^(?:動詞|助動詞|形容詞)$/.test(toks[j - 1]?.pos ?? '')) return -1;
    const t = toks[j]!;
    let e = -1;
    if (t.surface === 'の' && /^に対し(?:て)?$/.test(toks[j + 1]?.surface ?? '')) e = j + 2;
    else if (t.surface === '一方') e = toks[j + 1]?.surface === 'で' ? j + 2 : j + 1;
    // (…とただしたのに対し「…」と述べた: the answer's quotation right after.)
    return e < 0 ? -1 : toks[e]?.surface === '、' ? e + 1 : opensQuote(toks[e]?.surface ?? '') ? e : -1;
  });
}

/**
 * The first end `at(j)` finds (> 0) in the clause from `k`, within `reach` words outside quotations (…が「…」と
 * ただしたのに対し: a quotation's words do not count), before a comma or a full stop; or -1.
 */
function clauseEndAt(v: SentenceView, k: number, reach: number, at: (j: number) => number): number {
  const { toks } = v;
  for (let j = k, seen = 0; j < toks.length && seen < reach; j++) {
    if (v.depth[j]) continue;
    seen++;
    if (toks[j]!.surface === '。' || toks[j]!.surface === '、') return -1;
    const e = at(j);
    if (e > 0) return e;
  }
  return -1;
}

/** The name of a paper or a magazine (…紙, …新聞, …ジャーナル, …タイムズ, …ポスト, …誌). */
const PAPER = /(?:紙|誌|新聞|新報|日報|時報|ジャーナル|タイムズ|ポスト|ガーディアン)(?:\(.*\))?$/;

/** Reporting verbs that take what was said through と only: their object (「…」を続ける, を見る) is no quotation. */
const NOT_OBJECT_OF_SPEECH = new Set(['続ける', 'つづける', '見る', 'みる', '考える', '思う', '感じる', '信じる', '聞く', '書く']);

/** ば after a predicate, or たら / なら: the end of a condition. */
function isCondition(t: JaToken): boolean {
  return t.pos === '助詞' && t.pos1 === '接続助詞' && t.surface === 'ば' || t.pos === '助動詞' && (t.conj.startsWith('仮定') || t.surface === 'たら' || t.surface === 'なら');
}

/** Whether the clause from `k` ends in a condition (…になれば、 / …したら、 / …なら、) before its first comma. */
/** Whether the clause from `k` ends in a concession (警察が行方を追っていましたが、…): its subject is that clause's alone. */
function concessionFollows(v: SentenceView, k: number, to: number): boolean {
  const { toks } = v;
  for (let j = k; j < to && j < k + 20; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) continue;
    if (t.surface === '。' || t.pos === '助詞' && (t.surface === 'は' || t.surface === 'が' && t.pos1 === '格助詞')) return false;
    if (t.pos === '助詞' && t.pos1 === '接続助詞' && /^(?:が|けれど|けれども|けど|ものの|のに)$/.test(t.surface) && toks[j + 1]?.surface === '、') return true;
  }
  return false;
}
function conditionFollows(v: SentenceView, k: number): boolean {
  const { toks } = v;
  for (let j = k; j < toks.length && j < k + 20; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) continue;
    if (t.surface === '、' || t.surface === '。') return false;
    if (isCondition(t)) return true;
  }
  return false;
}

function subjectAfter(v: SentenceView, from: number, to: number, topicOnly: boolean, groupAnywhere = false): { phrase: SpeakerPhrase; contentFrom: number } | null {
  const { toks } = v;
  // (A subject after an object whose verb has not come yet, …の関係を中国はテストしている, is inside that clause.)
  let object = false;
  for (let j = from; j < to && j < from + 30; j++) {
    if (v.depth[j]! > 0) continue;
    const t = toks[j]!;
    if (isCondition(t)) return null;
    if (t.surface === '、' || t.pos === '動詞') object = false;
    if (t.surface === 'を' && t.pos === '助詞') object = true;
    if ((t.surface === 'は' || t.surface === 'が' && !topicOnly) && t.pos === '助詞' && !object) {
      if (t.surface === 'が' && (modifiesNoun(v, j + 1) || conditionFollows(v, j + 1) || circumstanceFollows(v, j + 1) || concessionFollows(v, j + 1, to))) continue;
      const np = nounPhraseEndingAt(v.text, toks, j - 1, from);
      const sp = np ? classify(np, toks, v.book) : null;
      if (sp && (sp.type !== 'group' || groupAnywhere || j - from < 8)) return { phrase: sp, contentFrom: skipAdverbials(v, j + 1) };
    }
  }
  return null;
}

/** The complement of a cue: the quotation before it, or the clause from `from` to the cue. */
function complementSpan(v: SentenceView, cue: Cue, from: number): { span: Span; kind: Kind } | null {
  const { toks, text } = v;
  let end = cue.complementEnd;
  // など before と, だ before と after a quotation: not part of what was said (the だ is, when the quotation ends a
  // clause that began before it: …追加制裁は「袋小路に入る道」だと主張).
  let p = v.prev(end);
  if (p >= 0 && toks[p]!.surface === 'など') { end = p; p = v.prev(end); }
  const clauseEnd = end;
  if (p >= 0 && toks[p]!.surface === 'だ' && QUOTE_CLOSE.has(toks[v.prev(p)]?.surface ?? '')) { end = p; p = v.prev(end); }
  if (p < 0 || p < from) return null;
  if (closesQuote(toks[p]!.surface) && !v.depth[p]) {
    let open = v.match.get(p);
    if (open !== undefined) {
      // Adjacent quotations before one cue give one claim spanning both.
      for (;;) {
        const q = v.prev(open);
        if (q >= from && closesQuote(toks[q]!.surface) && v.match.has(q)) { open = v.match.get(q)!; continue; }
        // (「…」、「…」などと: a comma between them too.)
        const r = q >= from && toks[q]!.surface === '、' ? v.prev(q) : -1;
        if (r >= from && closesQuote(toks[r]!.surface) && v.match.has(r)) { open = v.match.get(r)!; continue; }
        break;
      }
      const before = v.prev(open);
      // 「…」 glued to a particle is part of a clause (…を「…」と呼んだ), unless a speaker is its subject.
      // (Not the と of a condition, …と説明すると「…」と聞き返した: the quotation starts a clause of its own.)
      const glued = before >= from && toks[before]!.pos === '助詞' && /^(?:は|が|を|も|に|の|へ|と)$/.test(toks[before]!.surface) && toks[before]!.pos1 !== '接続助詞';
      const nounGlued = before >= from && toks[before]!.pos === '名詞' && toks[before]!.end === toks[open]!.start && !/(?:日|について)$/.test(toks[before]!.surface) && before > from;
      // …については「…」と / …に対しては「…」と / …を「…」と批判: a topic, an addressee, a target or a setting before
      // the quotation; what was said
      // is the quotation (a naming verb, Xを「…」と呼ぶ, keeps the clause).
      // (A plain topic is the quotation's own subject, part of what was said: …下回る国は「守らない」と発言.)
      // (Nor is a document the quotation is from: 報告書は「…」と指摘.)
      const aboutness = !glued || toks[before]!.surface !== 'は' || ABOUT_POSTPOSITION.test(toks[v.prev(before)]?.surface ?? '') || /^(?:では|には|で|に|に対し|に対して)$/.test(toks[v.prev(before)]?.surface ?? '')
        || /(?:報告書|白書|声明|声明文|論文|リポート|レポート|談話|文書|記事|社説|コラム|書簡|発表)$/.test(text.slice(Math.max(0, toks[before]!.start - 6), toks[before]!.start));
      // (…についても「…」と: also about something.)
      const alsoAbout = glued && toks[before]!.surface === 'も' && ABOUT_POSTPOSITION.test(toks[v.prev(before)]?.surface ?? '');
      const framed = glued && (/^(?:は|を|に|へ)$/.test(toks[before]!.surface) || alsoAbout) && aboutness && !NAMING_VERBS.test(toks[cue.from + 1]?.base ?? '');
      // (…侵攻に加わるなら「深刻な問題だ」と: a condition before the quotation is part of what was said; so is a clause
      // with a subject of its own that runs on into it, 北朝鮮が…を6発試射し「…」との. The speaker's own act before a
      // quotation, 会見を開き「…」, has none.)
      const b = toks[before];
      const continued = !!b && endsContinuative(b) && (b.pos !== '助詞' || b.pos1 === '接続助詞')
        && subjectOfPredicateBefore(v, from, before);
      // (So is one set off by a comma: …関税が発動された場合、「…」, …となれば、「…」.)
      const comma = before > from && toks[before]!.surface === '、' ? v.prev(before) : -1;
      const c = toks[comma];
      const conditionComma = comma > from && !!c && (c.surface === '場合' && c.pos === '名詞' || c.conj === '仮定形' || c.pos === '助詞' && (c.surface === 'ば' || c.surface === 'たら' || c.surface === 'なら'));
      const condition = before >= from && before > from && (toks[before]!.conj === '仮定形' || toks[before]!.surface === 'ば' && toks[before]!.pos === '助詞' || continued || conditionComma);
      if (!condition && (!glued && !nounGlued || open <= from || glued && phraseBeforeQuote(v, open, from) || framed)) {
        const span = { start: toks[open]!.end, end: toks[p]!.start };
        return span.end > span.start ? { span: boundContent(span), kind: 'quote' } : null;
      }
    }
  }
  if (from >= clauseEnd) return null;
  const span = spanOf(v, ownClauseStart(v, from, clauseEnd), clauseEnd);
  return span ? { span: boundContent(span), kind: 'reported' } : null;
}

/**
 * Whether the predicate ending at `end` (its continuative, right before a quotation) has a subject with が of its own
 * in [from, end): no other predicate stands between the two (考えがないかと問われ, 震災が起きた際の…を振り返り have one).
 */
function subjectOfPredicateBefore(v: SentenceView, from: number, end: number): boolean {
  const { toks } = v;
  let c = end;
  while (c > from && (toks[c]!.pos === '動詞' || toks[c]!.pos === '助動詞' || toks[c]!.pos === '助詞' && toks[c]!.pos1 === '接続助詞')) c--;
  for (let j = c; j >= from; j--) {
    const t = toks[j]!;
    if (v.depth[j]) continue;
    if (t.pos === '動詞' || t.pos === '形容詞' || t.pos === '助動詞' || t.pos2 === '引用') return false;
    if (t.surface === 'が' && t.pos === '助詞' && t.pos1 === '格助詞') return true;
  }
  return false;
}

/**
 * Where the reported clause starts when the speaker did something first in the same sentence: after a clause
 * with no subject of its own that ends in て、 or a continuative 、 on a verb of the speaker's own act — citing or
 * naming (…論を引用し、…を挙げ、), taking something as ground (…を踏まえ、…を受け、…を巡り、), or an event
 * (…と会談し、…を訪問し、…声明を発表していて、) — or with …を念頭に、 or …を理由に、. Any other verb there is part of what was
 * said: 利上げを議論し、判断したい / 演習を行い、メッセージを送ることが効果的だ. A clause with its own subject
 * (経済が回復し、物価も上がると) is part of what was said too.
 */
function ownClauseStart(v: SentenceView, from: number, end: number): number {
  const { toks } = v;
  let start = from;
  let subject = false;
  for (let j = from; j < end; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) continue;
    if (t.pos === '助詞' && (t.surface === 'が' || t.surface === 'は')) subject = true;
    if (t.surface !== '、' || j === from) continue;
    const p = toks[j - 1]!;
    // (…を念頭に、: with something in mind; …を理由に、 / …を根拠に、: the grounds the speaker gives.)
    const mind = p.surface === 'に' && /^(?:念頭|理由|根拠)$/.test(toks[j - 2]?.surface ?? '') && toks[j - 3]?.surface === 'を';
    const continuative = endsContinuative(p);
    if (!subject && (mind || continuative && ownActVerb(toks, j - 1))) start = j + 1;
    subject = false;
  }
  return start;
}

/** Whether a clause ends on `t` in the continuative: て / で, or a verb or an auxiliary in its 連用 form. */
function endsContinuative(t: JaToken): boolean {
  return t.pos === '助詞' && (t.surface === 'て' || t.surface === 'で') || (t.pos === '動詞' || t.pos === '助動詞') && t.conj.startsWith('連用');
}

/** Verbs of the speaker's own act before what they say (base forms; a サ変 noun with する stands for its noun). */
const OWN_ACT = /^(?:引用|挙げる|言及|紹介|触れる|示す|例示|踏まえる|受ける|巡る|めぐる|見据える|念頭|会談|会見|訪問|出席|視察|面会|発表|公表|実施|演説|講演|登壇|出演|寄稿)$/;

/** Whether the continuative verb ending before `k` (inclusive; て/し included) is one of OWN_ACT. */
function ownActVerb(toks: readonly JaToken[], k: number): boolean {
  // Back over て / で and auxiliaries (発表していて: 発表 し て い て) to the verb.
  let i = k;
  while (i > 0 && (toks[i]!.pos === '助詞' && (toks[i]!.surface === 'て' || toks[i]!.surface === 'で') || toks[i]!.pos === '助動詞' || toks[i]!.pos === '動詞' && toks[i]!.pos1 === '非自立')) i--;
  const verb = toks[i]!;
  if (verb.pos !== '動詞') return false;
  // (…を行い、/ …を開き、: the act is the noun before を, 会見を開き as 会見し.)
  if ((verb.base === '行う' || verb.base === '開く') && toks[i - 1]?.surface === 'を') return OWN_ACT.test(toks[i - 2]?.surface ?? '') || /会見$/.test(toks[i - 2]?.surface ?? '');
  if (verb.base === 'する') return OWN_ACT.test(toks[i - 1]?.surface ?? '');
  // (…の発表を受け、 is in response to it; サイバー攻撃を受け、 is what befell the speaker, part of what was said.)
  if (befell(toks, i)) return false;
  return OWN_ACT.test(verb.base);
}

/** What one suffers rather than responds to, before を受け: 攻撃, 被害, 打撃, 制裁, 処分. */
const SUFFERED = /(?:攻撃|被害|打撃|損害|制裁|処分|批判|非難|圧力|影響|衝撃|感染)$/;

/** Whether the verb at `i` is 受ける after something suffered (サイバー攻撃を受け): what befell, not a response. */
function befell(toks: readonly JaToken[], i: number): boolean {
  return toks[i]?.base === '受ける' && toks[i - 1]?.surface === 'を' && SUFFERED.test(toks[i - 2]?.surface ?? '');
}

/** The text of tokens [from, to), trimmed of spaces, commas and footnote markers at either end. */
function spanOf(v: SentenceView, from: number, to: number): Span | null {
  const { toks } = v;
  while (from < to && (v.marker[from] || /^[\s、,]+$/.test(toks[from]!.surface))) from++;
  while (to > from && (v.marker[to - 1] || /^[\s、,。]+$/.test(toks[to - 1]!.surface))) to--;
  if (to <= from) return null;
  return { start: toks[from]!.start, end: toks[to - 1]!.end };
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s。]/.test(text[end - 1]!)) end--;
  return boundContent({ start, end });
}

/**
 * Where an according-to proposition ends: at the first evidential tail outside quotations (という,
 * ということです, とのことです), else at the sentence's end.
 */
function evidentialEnd(v: SentenceView, from: number): { end: number; tail: boolean } {
  const { toks } = v;
  // Only という, とのこと and と outside quotations can begin a tail: those of the sentence, in order.
  const at = v.tailCandidates();
  for (let c = lowerBound(at, from); c < at.length; c++) {
    const k = at[c]!;
    const t = toks[k]!;
    // という before a noun modifies it (…があったという一部の報道は): only a closing one is a tail.
    if ((t.surface === 'という' && t.pos === '助詞' || t.surface === 'とのこと') && !(toks[k + 1] && (toks[k + 1]!.pos === '名詞' && toks[k + 1]!.surface !== 'こと' || opensQuote(toks[k + 1]!.surface)))) return { end: k, tail: true };
    if (t.surface === 'と' && t.pos2 === '引用' && /^(?:いう|言う)$/.test(toks[k + 1]?.base ?? '') && (toks[k + 2] === undefined || /^(?:こと|。|です|の|が|、)$/.test(toks[k + 2]!.surface) || toks[k + 2]!.pos === '助動詞')) return { end: k, tail: true };
    if (t.surface === 'と' && t.pos2 === '引用' && toks[k + 1]?.surface === 'の' && toks[k + 2]?.surface === 'こと') return { end: k, tail: true };
  }
  let end = toks.length;
  while (end > from && (v.marker[end - 1] || /^[\s。．.]+$/.test(toks[end - 1]!.surface))) end--;
  return { end, tail: false };
}

/** 東海日報が伝えた。 / 同紙が報じた。: a relay standing alone after what it relays. */
function relaySentence(v: SentenceView): { speaker: SpeakerPhrase; cue: Span } | null {
  const { toks } = v;
  let k = skipConnectives(v, 0);
  for (let j = k; j < Math.min(toks.length, k + 16); j++) {
    const t = toks[j]!;
    if ((t.surface === 'が' || t.surface === 'は') && t.pos === '助詞') {
      // (三菱電機の決算会見では森川常務が…: where it was said, before the subject.)
      if (t.surface === 'は' && toks[j - 1]?.surface === 'で' && toks[j - 1]!.pos === '助詞') { k = j + 1; continue; }
      const np = nounPhraseEndingAt(v.text, toks, j - 1, k);
      const sp = np ? classify(np, toks, v.book) : null;
      if (!sp) return null;
      let q = j + 1;
      // A date, a listener (CNNに), an adverb (最初に, 初めて) may stand between the subject and the verb.
      for (;;) {
        // (A comma may follow it: 同通信が9日、伝えた.)
        while (q < toks.length && (toks[q]!.pos === '名詞' && /^(?:\d+|[０-９]+)$/.test(toks[q]!.surface) || toks[q]!.pos1 === '接尾' || toks[q]!.pos1 === '数' || toks[q]!.pos1 === '読点' && q > j + 1)) q++;
        // (Not こう/そう: Xはそう話す is a kou construction, with its quotation before.)
        if (/^(?:初めて|すでに|既に|いち早く|独自に)$/.test(toks[q]?.surface ?? '')) { q++; continue; }
        if (/^(?:最初|初め|先)$/.test(toks[q]?.surface ?? '') && toks[q + 1]?.surface === 'に') { q += 2; continue; }
        // (厳しい表情で, 笑顔で: how it was said.)
        let m = q;
        while (m < toks.length && m < q + 4 && (toks[m]!.pos === '形容詞' || toks[m]!.pos === '連体詞' || toks[m]!.pos === '名詞' && toks[m]!.pos1 !== '数')) m++;
        if (m > q && toks[m]?.surface === 'で' && toks[m]!.pos === '助詞' && toks[m - 1]!.pos === '名詞' && /^(?:表情|顔|笑顔|口調|様子|面持ち|声|調子)$/.test(toks[m - 1]!.surface)) { q = m + 1; continue; }
        let e = q;
        while (e < toks.length && isNominal(toks[e]!) && e - q < 8) e++;
        if (e > q && toks[e]?.surface === 'に' && toks[e]!.pos === '助詞') { q = e + 1; continue; }
        break;
      }
      const p = toks[q];
      // An outlet relays; anyone else who 明かした or 語った what the sentence before says is its source.
      const relays = p && p.pos === '動詞' && /^(?:伝える|報じる|報ずる|報道)$/.test(p.base) || p && p.surface === '報道';
      const tells = p && p.pos === '動詞' && /^(?:明かす|語る|述べる|話す|認める)$/.test(p.base) || p?.surface === '明らか' && toks[q + 1]?.surface === 'に';
      if (relays || tells && sp.type !== 'anaphor') {
        const end = predicateEnd(v, q);
        let rest = true;
        for (let k = end; k < toks.length && rest; k++) rest = /^[\s。．.]*$/.test(toks[k]!.surface) || v.marker[k] === 1;
        if (rest) return { speaker: sp, cue: { start: t.start, end: toks[end - 1]!.end } };
      }
      return null;
    }
  }
  return null;
}

/** X氏はこう語った(。「…」) / 「…」。X氏はそう批判する: the quotation in the same sentence before the cue. */
/**
 * The content of a quotation that stands alone as the sentence or line `before` (「…」, perhaps with its full stop),
 * with nothing but white space and 。 between it and `at`; null when `before` is anything else.
 */
function quotationJustBefore(text: string, before: Span, at: number): Span | null {
  const q = trimSpan(text, before);
  if (!QUOTE_OPEN.has(text[q.start] ?? '') || !/^[\s。]*$/.test(text.slice(q.end, at))) return null;
  const close = closes(text, q.start);
  const end = text[q.end - 1] === '。' ? q.end - 1 : q.end;
  return close === end - 1 ? boundContent({ start: q.start + 1, end: close }) : null;
}

/** Nouns that name what a quotation before them was (…氏の指摘だ, …教授の見方だ, …大使の言葉だ). */
const OWNER_NOUNS = /^(?:指摘|見方|分析|言葉|発言|主張|見立て|弁|談|話|証言|警告|訴え)$/;

/**
 * 「…」。 then a sentence that only says whose it was: 申東秀元大使の指摘だ。 / 北村教授の見方である。 The quotation
 * standing alone just before is that speaker's.
 */
function ownerSentence(v: SentenceView, book: SpeakerBook, current: Speaker | null, before: Span | null): Draft | null {
  const { toks, text } = v;
  if (!before) return null;
  let e = toks.length;
  while (e > 0 && (/^[。\s]$/.test(toks[e - 1]!.surface) || toks[e - 1]!.pos === '助動詞')) e--;
  const noun = toks[e - 1];
  if (e < 3 || !noun || noun.pos !== '名詞' || !OWNER_NOUNS.test(noun.surface) || toks[e - 2]!.surface !== 'の' || e === toks.length) return null;
  const np = nounPhraseEndingAt(text, toks, e - 3, 0);
  if (!np || np.from !== skipConnectives(v, 0)) return null;
  const sp = classify(np, toks, v.book);
  if (!sp || sp.type === 'anaphor' || sp.type === 'group') return null;
  const quoted = quotationJustBefore(text, before, v.span.start);
  const speaker = quoted ? book.resolve(sp, current) : null;
  if (!quoted || !speaker) return null;
  return { speaker, via: [], kind: 'quote', cue: { start: toks[e - 2]!.start, end: toks[toks.length - 1]!.surface === '。' ? toks[toks.length - 2]!.end : toks[toks.length - 1]!.end }, content: quoted, mention: 'explicit', rule: 'kou', tokens: surfaces(toks, e - 2, e) };
}

function kouSentence(v: SentenceView, book: SpeakerBook, current: Speaker | null, before: Span | null): Draft | null {
  const { toks, text } = v;
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j]!;
    if (v.depth[j]! > 0) continue;
    // こう / そう, or 次のように / 以下のように (four tokens to the analyser: 次|の|よう|に).
    const w = t.surface === 'こう' || t.surface === 'そう' ? 1
      : (t.surface === '次' || t.surface === '以下') && toks[j + 1]?.surface === 'の' && toks[j + 2]?.surface === 'よう' && toks[j + 3]?.surface === 'に' ? 4 : 0;
    if (!w) continue;
    const p = toks[j + w];
    if (!p || !isSpeechPredicate(p) && !(p.pos === '動詞' && /^(?:述べる|語る|話す|言う|迫る|批判|訴える|指摘|強調|説明|答える|明かす)$/.test(p.base))) continue;
    // Speaker: a topic before こう in this sentence (not one inside a quotation or a headline it cites).
    let speaker: Speaker | null = null;
    for (let k = j - 1; k >= 0; k--) {
      if (v.depth[k]! > 0) continue;
      // (X工業会も…こう述べた: "also" marks the topic too.)
      if ((toks[k]!.surface === 'は' || toks[k]!.surface === 'が' || toks[k]!.surface === 'も' && toks[k]!.pos1 === '係助詞') && toks[k]!.pos === '助詞') {
        const np = nounPhraseEndingAt(text, toks, k - 1, 0);
        const sp = np ? classify(np, toks, v.book) : null;
        if (sp) speaker = book.resolve(sp, current);
        // (…についてもこう続ける: a も that marks no speaker is passed over.)
        if (!sp && toks[k]!.surface === 'も') continue;
        break;
      }
    }
    // こう述べるのは X氏だ / こう語る X氏。: the speaker after.
    if (!speaker) {
      const end = predicateEnd(v, j + w);
      const cleft = toks[end]?.surface === 'の' && toks[end + 1]?.surface === 'は';
      const from = cleft ? end + 2 : end;
      if (cleft || toks[end] && isNominal(toks[end]!) && toks[end - 1]!.conj.startsWith('基本形')) {
        // The phrase closing the sentence (perhaps with だ/です), after any clause that describes it
        // (こう述べるのは、中央銀行で理事を務める森川健一氏だ).
        let e = toks.length;
        while (e > from && (toks[e - 1]!.pos === '助動詞' || /^[。\s]$/.test(toks[e - 1]!.surface))) e--;
        const np = e > from && isNominal(toks[e - 1]!) ? nounPhraseEndingAt(text, toks, e - 1, from) : null;
        const sp = np ? classify(np, toks, v.book) : null;
        if (sp && sp.type !== 'anaphor') speaker = book.resolve(sp, current);
      }
    }
    if (!speaker) continue;
    // 「…」 standing alone just before (its own sentence or line), then こう語る X氏。
    if (before && !toks.slice(0, j).some((x) => closesQuote(x.surface))) {
      const quoted = quotationJustBefore(text, before, v.span.start);
      if (quoted) {
        const cueEnd = predicateEnd(v, j + w);
        return { speaker, via: [], kind: 'quote', cue: { start: t.start, end: toks[cueEnd - 1]!.end }, content: quoted, mention: 'explicit', rule: 'kou', tokens: surfaces(toks, j, cueEnd) };
      }
    }
    // こう語った。「…」 / 次のように述べた。「…」: the quotation that follows the sentence, when one does.
    if (t.surface !== 'そう') {
      let q = v.span.end;
      while (q < text.length && q < v.span.end + 4 && /[\s。]/.test(text[q]!)) q++;
      if (text[q] === '「') {
        let depth = 0;
        for (let e = q; e < Math.min(text.length, q + MAX_CONTENT); e++) {
          if (text[e] === '「') depth++;
          else if (text[e] === '」' && --depth === 0) {
            const cueEnd = predicateEnd(v, j + w);
            return { speaker, via: [], kind: 'quote', cue: { start: t.start, end: toks[cueEnd - 1]!.end }, content: { start: q + 1, end: e }, mention: 'explicit', rule: 'kou', tokens: surfaces(toks, j, cueEnd) };
          } else if (text[e] === '\n' && text[e + 1] === '\n') break;
        }
      }
    }
    // 林氏は次のように述べた。(paragraph break) …: the paragraph that follows, when the cue closes its own.
    if (w === 4) {
      const rest = text.slice(v.span.end, Math.min(text.length, v.span.end + 4));
      const m = /^[。\s]*\n/.exec(rest);
      if (m && /^[\s。]*$/.test(text.slice(toks[predicateEnd(v, j + w) - 1]!.end, v.span.end))) {
        let q = v.span.end + m[0].length;
        while (q < text.length && /\s/.test(text[q]!)) q++;
        let e = text.indexOf('\n', q);
        if (e < 0) e = text.length;
        // 《…》 or 『…』 round what follows (an article cited at length, over several paragraphs): inside them.
        const close = BLOCK_CLOSE[text[q]!];
        // (Looked for no further than a claim may run.)
        let shut = -1;
        if (close) for (let c = q + 1; c < text.length && c <= q + MAX_CONTENT; c++) if (text[c] === close) { shut = c; break; }
        const cueEnd = predicateEnd(v, j + w);
        const cue = { start: t.start, end: toks[cueEnd - 1]!.end };
        const tokens = surfaces(toks, j, cueEnd);
        if (close && shut > q + 1 && shut - q <= MAX_CONTENT) {
          return { speaker, via: [], kind: 'quote', cue, content: boundContent(trimSpan(text, { start: q + 1, end: shut })), mention: 'explicit', rule: 'kou', tokens };
        }
        if (e > q && !QUOTE_OPEN.has(text[q]!) && !close) {
          return { speaker, via: [], kind: 'reported', cue, content: boundContent(trimSpan(text, { start: q, end: e })), mention: 'explicit', rule: 'kou', tokens };
        }
      }
      // 王氏は次のように述べた。一時期から関係は…。: the rest of the paragraph, when it goes on after the cue.
      if (!m && /^[\s。]*$/.test(text.slice(toks[predicateEnd(v, j + w) - 1]!.end, v.span.end))) {
        let q = v.span.end;
        while (q < text.length && (text[q] === ' ' || text[q] === '\u3000')) q++;
        let e = text.indexOf('\n', q);
        if (e < 0) e = text.length;
        const cueEnd = predicateEnd(v, j + w);
        if (e > q && !QUOTE_OPEN.has(text[q]!) && !BLOCK_CLOSE[text[q]!]) {
          return { speaker, via: [], kind: 'reported', cue: { start: t.start, end: toks[cueEnd - 1]!.end }, content: boundContent(trimSpan(text, { start: q, end: e })), mention: 'explicit', rule: 'kou', tokens: surfaces(toks, j, cueEnd) };
        }
      }
    }
    // The quotation in the same sentence, nearest before the cue.
    for (let k = j - 1; k >= 0; k--) {
      if (closesQuote(toks[k]!.surface) && !v.depth[k] && v.match.has(k)) {
        const open = v.match.get(k)!;
        const content = { start: toks[open]!.end, end: toks[k]!.start };
        const cueEnd = predicateEnd(v, j + w);
        return { speaker, via: [], kind: 'quote', cue: { start: t.start, end: toks[cueEnd - 1]!.end }, content: boundContent(content), mention: 'explicit', rule: 'kou', tokens: surfaces(toks, j, cueEnd) };
      }
    }
  }
  return null;
}

/** A very long sentence (a folded block with no 。) is cut at clause boundaries so that no span runs long. */
/** A sentence cut before an interviewer's turn that a page joined to the line before (…させられた ――どう見ますか。). */
function atQuestions(text: string, s: Span): Span[] {
  const body = text.slice(s.start, s.end);
  if (!body.includes('――') && !body.includes('──')) return [s];
  const out: Span[] = [];
  let start = s.start;
  for (const m of body.matchAll(/[ \u3000]+(?=――|──)/g)) {
    const at = s.start + m.index;
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  out.push({ start, end: s.end });
  return out;
}

/** Where the bracket opened at `open` closes, or -1. */
function closes(text: string, open: number): number {
  let depth = 0;
  for (let e = open; e < text.length && e < open + MAX_CONTENT; e++) {
    if (QUOTE_OPEN.has(text[e]!)) depth++;
    else if (QUOTE_CLOSE.has(text[e]!) && --depth === 0) return e;
  }
  return -1;
}

function cutLong(text: string, s: Span): Span[] {
  if (s.end - s.start <= MAX_SENTENCE) return [s];
  const out: Span[] = [];
  let start = s.start;
  while (start < s.end) {
    let end = Math.min(s.end, start + MAX_SENTENCE);
    if (end < s.end) {
      // Prefer a line break, then a clause end (る/た + 、), then any 、 or space.
      const window = text.slice(start + (MAX_SENTENCE >> 1), end);
      const nl = window.lastIndexOf('\n');
      const comma = Math.max(window.lastIndexOf('、'), window.lastIndexOf(' '), window.lastIndexOf('\u3000'));
      const at = nl >= 0 ? nl : comma;
      if (at >= 0) end = start + (MAX_SENTENCE >> 1) + at + 1;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

// ------------------------------------------------------------------------------------------ labels

/**
 * `needs`: a character the label must contain, looked for before the pattern is tried (the colon's pattern backtracks
 * over up to 24 characters and a second word at every line and sentence head).
 */
/** A minutes speaker on a line of its own, perhaps after the time it speaks at: 00:03:05 ~ 00:04:28 三好康夫君. */
const MINUTES_LABEL_LINE = /^[ \u3000]*(?:\d{1,2}:\d{2}(?::\d{2})?[ \u3000]*[~〜～\-－][ \u3000]*\d{1,2}:\d{2}(?::\d{2})?[ \u3000]+)?((?:[^\s()（）]{1,12}[(（][^()（）\s]{2,12}君[)）])|[\u4e00-\u9fff々\u30A1-\u30FA\u30FC]{2,8}君)[ \u3000]*$/;
/** A speaker's label after ○ on a line of its own. */
const MINUTES_MARK_LINE = /^[ \u3000]*(○([^\s○()（）]{1,20}))[ \u3000]*$/;
/** A question's or an answer's label alone on its line (- 問), 答), Q., A:), with a list's dash before it. */
const QA_LABEL_LINE = /^[-‐－・]?\s*(?:問|答|Q|A|Ｑ|Ａ)[)）:：.．]?$/;
/** The same mark with who asks or answers after it (Q 代表幹事(北陽新聞), A 知事); the label is group 2. */
const QA_NAMED_LINE = /^[ \u3000]*((?:問|答|Q|A|Ｑ|Ａ)[ \u3000]+([^\s:：「」。、?？]{1,16}(?:[(（][^()（）\s]{1,12}[)）])?))[ \u3000]*$/;
/** A speaker's label before a colon on a line of its own (words of a description or a name, set apart by spaces). */
const COLON_LABEL_LINE = /^[ \u3000]*(([^\s:：「」。、?？!！()（）]{1,24}(?:[ \u3000][^\s:：「」。、?？!！()（）]{1,20}){0,2})[ \u3000]?[:：])[ \u3000]*$/;
/** A speaker's label in brackets on a line of its own. */
const LABEL_LINE = new RegExp(`^[ \\u3000]*${BRACKET_LABEL}[ \\u3000]*$`);
/** A phrase closed by an office of government whose holder speaks for it (北陵県知事, 北川市長). */
const OFFICE_ENDING = /(?:知事|市長|町長|村長|区長|大臣|長官)$/;
/** Offices of government whose holder a label may name by the office alone. */
const GOVERNMENT_OFFICE = /^(?:知事|副知事|市長|副市長|町長|村長|区長|大臣|副大臣|総理|首相|長官|官房長官|報道官)$/;

/** 記 者, 大 臣: two kanji set apart to line up with longer labels are one word. */
function joinSpacedPair(label: string): string {
  return label.replace(/^([\u4e00-\u9fff])[ \u3000]+([\u4e00-\u9fff])$/, '$1$2');
}

/** A name and a post alone on a line (蒲島知事, 森山 健一委員長): no kana of a sentence. */
const NAMED_POST_LINE = /^[ \u3000]*(([\u4e00-\u9fff々\u30A1-\u30FA\u30FC・ \u3000]{2,16}))[ \u3000]*$/;
/** A name alone: kanji or katakana, a space or a dot between, no kana of a sentence. */
const NAME_ONLY = /^[\u4e00-\u9fff々\u30A1-\u30FA\u30FC・ \u3000]+$/;
const LABEL_PATTERNS: { rule: string; re: RegExp; needs?: RegExp }[] = [
  // 【記者】… / 【周報道官】…
  { rule: 'label-turn-bracket', re: /^[ \u3000]*(【([^】\n]{1,30})】)/ },
  // ○山田太郎君 … / ○外務大臣(川村一郎君) …
  // (○知事 alone on its line, the turn on the lines below it, as prefectures print their transcripts.)
  { rule: 'label-turn-minutes', re: /^[ \u3000]*(○([^\s○]{1,40}))(?:[ \u3000]|(?=\n)|$)/ },
  // 戸田:… / チリ、ボリッチ大統領: …
  // (経済評論家 元日経BP記者 森田健一さん: a description of two words before the name.)
  { rule: 'label-turn-colon', re: /^[ \u3000]*(([^\s:：「」。、?？!！]{1,24}(?:[ \u3000][^\s:：「」。、?？]{1,20}){0,2})[ \u3000]?[:：])(?!\/\/)/, needs: /[:：]/ },
  // 三宅)… / 戸田)… / (知事)…
  { rule: 'label-turn-paren', re: /^[ \u3000]*([(（]?([^\s()（）:：「」。、]{1,8}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff])[)）])/ },
  // M.T. …
  { rule: 'label-turn-initials', re: /^[ \u3000]*(([A-Z]\.(?:[A-Z]\.)+))[ \u3000]/ },
  // 記者(北東通信)… / 首相 …  (a post alone, then the turn)
  { rule: 'label-turn-post', re: /^[ \u3000]*(((?:記者|首相|総理|大臣|長官|司会|司会者|議長|委員長|会長|社長|知事|市長|大統領|報道官|官房長官)(?:[(（][^)）\n]{1,16}[)）])?))(?=[ \u3000]|(?<=[)）]))/ },
  // 奥村委員長 これより会議を開きます。 / 松本国務大臣 …: minutes that head a turn with a name and a post.
  { rule: 'label-turn-minutes', re: /^[ \u3000]*(([\u4e00-\u9fff々]{1,4}(?:内閣総理大臣|国務大臣|副大臣|大臣|大臣政務官|政務官|副委員長|委員長|委員|副議長|議長|参考人|長官|局長|審議官|参事官)))[ \u3000]+(?=[^\s\d])/ },
  // 北辰戦略研究所研究主幹・森川健一 中国が…: a described name (a post, a dot, the name), a space, then what they said.
  { rule: 'label-turn-post', re: /^[ \u3000]*(([^\s「」。、:：]{2,40}・[\u4e00-\u9fff々]{2,5}))[ \u3000]+(?=[^\s\d])/ },
  // ■北辰電機社長 森川健一氏 (line break) …: a marked line naming someone heads what they said below it.
  { rule: 'label-turn-mark', re: /^[ \u3000]*([◎●■◆▼□◇★☆▽][ \u3000]*([^\s「」。、:：]{1,24}(?:[ \u3000][^\s「」。、:：]{1,16})?))[ \u3000]*(?=\n)/ },
  // ホア 北朝鮮が… / 戸田 …: a short name, a space, then the turn (a name seen once must be a person's).
  { rule: 'label-turn-name', re: /^[ \u3000]*(([\u30A1-\u30FA\u30FC]{2,10}|[\u4e00-\u9fff々]{1,4}))[ \u3000]+(?=[^\s\d])/ },
];

/**
 * Speaker labels: a turn of an interview or press conference (X: …), a headline or caption that quotes
 * (X氏「…」, 与党 佐伯首相 「…」), a quotation credited in parentheses after it (「…」(X教授)), and
 * a headline credited after an equals sign (…=台湾外相). Label turns take the whole block.
 */
function lineLabel(text: string, block: { contentStart: number; end: number }, next: { contentStart: number; end: number }, tokenizer: JaTokenizer, book: SpeakerBook, list = false): Draft | null {
  // (黒田総裁の発言内容 / 森山総裁談話: what the person said, named as such, heads it as well.)
  const whole = text.slice(block.contentStart, block.end).trimEnd();
  const described = SAID_HEADING.exec(whole);
  const line = described ? whole.slice(0, described.index) : whole;
  if (!line || /[。、「」]/.test(line)) return null;
  const toks = tokenizer.tokenize(line, block.contentStart);
  const np = nounPhraseEndingAt(text, toks, toks.length - 1, 0);
  // (北辰防衛研究院 森川健一所長: the body may stand before the name, set off by a space.)
  if (!np || np.start !== block.contentStart && !/^[^\s。、「」]+[ \u3000]+$/.test(text.slice(block.contentStart, np.start))) return null;
  const sp = classify(np, toks, book);
  // (A body over a line that is one quotation, 韓国 国家情報院 / 「…」, as a broadcast captions it, speaks it too.)
  const bodyOverQuote = !list && !!sp && (sp.type === 'government' || sp.type === 'organization') && text[next.contentStart] === '「'
    && closes(text, next.contentStart) === trimWhite(text, next.contentStart, next.end).end - 1;
  if (!sp || !bodyOverQuote && (sp.type !== 'person' || !sp.title)) return null;
  // (A quotation never closed, as a cut excerpt leaves it, runs to the end of the block.)
  const inNext = list ? -1 : text.slice(next.contentStart, next.end).indexOf('」');
  const close = inNext < 0 ? trimWhite(text, next.contentStart, next.end).end : next.contentStart + inNext;
  const who = book.resolve(sp, null, { start: np.start, end: np.end });
  if (!who) return null;
  // (A list's points: from the first one's text, with no bracket to step over.)
  return { speaker: who, via: [], kind: 'quote', cue: { start: np.start, end: np.end }, content: boundContent({ start: next.contentStart + (list ? 0 : 1), end: close }), mention: 'explicit', rule: 'label-line', tokens: np.text };
}

/** Marks that set a label over a list of points (◎北辰銀行の森川健一氏). */
const LIST_LABEL_MARK = /^[◎●■◆▼□◇★☆▽]$/;
/** A heading that names what someone said: …の発言内容, …談話. */
const SAID_HEADING = /の?(?:(?:他|ほか|その他|主)の)?(?:発言内容|発言要旨|主な発言|発言|談話|コメント)$/;

/** Colon labels after a stop and a space, where a page that lost its line breaks began a turn: how often each is met. */
const INLINE_LABEL = /[。」?？!！][ \u3000]+([^\s:：「」。、?？!！()（）]{1,12})[:：]/g;
function countInlineLabels(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // (Only text that has such breaks: most has none, and a line's first label is counted with the lines' own.)
  if (!/[。」][ \u3000]+[^\s:：]{1,12}[:：]/.test(text)) return counts;
  for (const m of text.matchAll(INLINE_LABEL)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  for (const m of text.matchAll(/^[ \u3000]*([^\s:：「」。、?？!！()（）]{1,12})[:：]/gm)) if (counts.has(m[1]!)) counts.set(m[1]!, counts.get(m[1]!)! + 1);
  return counts;
}

/** Where the first colon label met twice or more stands after a stop and a space in text[from, to), past the stop; or -1. */
function nextInlineLabel(text: string, from: number, to: number, counts: ReadonlyMap<string, number>): number {
  const re = new RegExp(INLINE_LABEL.source, 'g');
  re.lastIndex = from;
  let found = false;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) if ((counts.get(m[1]!) ?? 0) >= 2) { found = true; break; }
  if (!found) return -1;
  // The turn ends at the first such break, as the inline turns after it do.
  const brk = /[。」?？!！](?=[ \u3000]+\S)/.exec(text.slice(from, to));
  return brk ? from + brk.index + (brk[0] === '」' ? 1 : 0) : -1;
}

/** The turn a colon label opens after a stop and a space (…ですよね。 末廣: …), when that label is met twice or more. */
/** A sentence that opens with a person's name and post and a colon (連合・芳野会長：…。): what they said, to its end. */
function soundBite(text: string, sentence: Span, tokenizer: JaTokenizer, book: SpeakerBook): Draft | null {
  const m = /^([^\s:：「」。、?？!！()（）]{2,16})[:：]/.exec(text.slice(sentence.start, sentence.start + 18));
  if (!m || !(postEnding(m[1]!) || /[^・](?:氏|さん)$/.test(m[1]!))) return null;
  const cue = { start: sentence.start, end: sentence.start + m[0].length };
  const who = labelSpeaker(m[1]!, { start: sentence.start, end: sentence.start + m[1]!.length }, tokenizer, book, 'label-turn-colon', true);
  if (!who || who.people.some((p) => p.type !== 'person')) return null;
  const content = trimSpan(text, { start: cue.end, end: sentence.end });
  if (content.end <= content.start) return null;
  return { speaker: who, via: [], kind: 'quote', cue, content: boundContent(content), mention: 'explicit', rule: 'label-turn-colon', tokens: m[1]! };
}

function inlineColonTurn(text: string, start: number, blockEnd: number, counts: ReadonlyMap<string, number>, tokenizer: JaTokenizer, book: SpeakerBook): Draft | null {
  if (!counts.size) return null;
  let k = start;
  while (k < blockEnd && (text[k] === ' ' || text[k] === '\u3000')) k++;
  let p = start;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\u3000')) p--;
  if (p === start && k === start || !/[。」?？!！]/.test(text[p - 1] ?? '')) return null;
  const m = /^([^\s:：「」。、?？!！()（）]{1,12})[:：]/.exec(text.slice(k, k + 16));
  if (!m || (counts.get(m[1]!) ?? 0) < 2) return null;
  const cue = { start: k, end: k + m[0].length };
  const who = labelSpeaker(m[1]!, { start: k, end: k + m[1]!.length }, tokenizer, book, 'label-turn-colon', true);
  if (!who) return null;
  let cs = cue.end;
  while (cs < blockEnd && /\s/.test(text[cs]!)) cs++;
  // To the next break of the same kind, or the line's end.
  const rest = text.slice(cs, blockEnd);
  const brk = /[。」?？!！](?=[ \u3000]+\S)|\n/.exec(rest);
  const ce = brk ? cs + brk.index + (brk[0] === '\n' ? 0 : 1) : blockEnd;
  if (ce <= cs) return null;
  return { speaker: who, via: [], kind: 'quote', cue, content: boundContent(trimSpan(text, { start: cs, end: ce })), mention: 'explicit', rule: 'label-turn-colon', tokens: m[1]! };
}

/** How many paragraphs a line of a name and a post alone (松本委員長, 小林元経済安保相) heads. */
function countNamedPostLines(text: string, blocks: readonly ClassifiedBlock[]): number {
  let n = 0;
  for (let b = 0; b + 1 < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'title' || blocks[b + 1]!.kind !== 'paragraph' || block.end - block.contentStart > 30) continue;
    const m = NAMED_POST_LINE.exec(text.slice(block.contentStart, block.end));
    if (m && postEnding(m[2]!.trim())) n++;
  }
  return n;
}

/** How often each label opens a block: a label seen once that names no known kind of person is not a turn. */
function countLabels(text: string, blocks: readonly ClassifiedBlock[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    // (A first turn may have been taken for the title or a heading: it counts too.)
    if (block.kind !== 'paragraph' && block.kind !== 'list-item' && block.kind !== 'title' && block.kind !== 'heading') continue;
    // Each line's head: the turns of an interview may stand on the lines of one paragraph.
    for (let at = block.contentStart; at < block.end;) {
      const nl = text.indexOf('\n', at);
      const lineEnd = nl < 0 || nl > block.end ? block.end : nl;
      const head = text.slice(at, Math.min(lineEnd, at + 64));
      for (const { re, needs } of LABEL_PATTERNS) {
        const m = !needs || needs.test(head) ? re.exec(head) : null;
        if (m) { const k = joinSpacedPair(m[2]!.trim()); counts.set(k, (counts.get(k) ?? 0) + 1); break; }
      }
      at = lineEnd + 1;
    }
  }
  return counts;
}

/** A turn of an interview, a press conference or minutes opening the text at `start` (…`end`): X: …, 【X】…, X …. */
function labelTurnAt(text: string, start: number, end: number, tokenizer: JaTokenizer, book: SpeakerBook, labelCounts: Map<string, number>): Draft | null {
  const head = text.slice(start, Math.min(end, start + 64));
  for (const { rule, re, needs } of LABEL_PATTERNS) {
    const m = !needs || needs.test(head) ? re.exec(head) : null;
    if (!m) continue;
    const labelText = joinSpacedPair(m[2]!.trim());
    const cueStart = start + m.index + m[0].indexOf(m[1]!);
    const cue = { start: cueStart, end: cueStart + m[1]!.length };
    let cs = cue.end;
    while (cs < end && /[\s:：]/.test(text[cs]!)) cs++;
    // (【…会見】(1)「…」: a part's number before the quotation is no part of it.)
    const part = /^[(（][\d０-９上中下]{1,2}[)）][ \u3000]?(?=「)/.exec(text.slice(cs, cs + 6));
    if (part) cs += part[0].length;
    let ce = end;
    while (ce > cs && /\s/.test(text[ce - 1]!)) ce--;
    // A turn that is one quotation: the inside of it.
    if (text[cs] === '「' && text[ce - 1] === '」' && text.indexOf('」', cs) === ce - 1) { cs++; ce--; }
    if (ce - cs < 1) continue;
    // 委員長 奥村 展三君 / 大谷  啓君    櫛渕 万里君: a roster of members, not a turn (and no one is named by it).
    if (text[ce - 1] === '君' && !/[。、]/.test(text.slice(cs, ce))) return null;
    // 報道官:林海 — a header giving who holds the post: a name after the label, no turn.
    // (根本一郎 西村花子: a byline of two names, no turn.)
    if (ce - cs <= 8 && NAME_ONLY.test(text.slice(cs, ce)) && isPost(labelText)) return null;
    const firstLine = text.slice(cs, ce).split('\n')[0]!;
    if (rule === 'label-turn-name' && firstLine.length <= 8 && NAME_ONLY.test(firstLine)) return null;
    // (北川 一郎 経産相: — a name with spaces in it, the label of a turn on the next line, is not a turn of its own.)
    if (rule === 'label-turn-name' && /[:：]$/.test(firstLine) && !firstLine.includes('\n') && ce - cs <= 30) return null;
    const who = labelSpeaker(labelText, cue, tokenizer, book, rule, (labelCounts.get(labelText) ?? 0) >= 2);
    if (!who) continue;
    return { speaker: who, via: [], kind: 'quote', cue, content: boundContent({ start: cs, end: ce }), mention: 'explicit', rule, tokens: labelText };
  }
  return null;
}

function findLabels(text: string, block: ClassifiedBlock, tokenizer: JaTokenizer, book: SpeakerBook, labelCounts: Map<string, number>): Draft[] {
  const out: Draft[] = [];
  let start = block.contentStart;
  // 「ラモス氏:…」 — a labelled quotation as a headline: the label inside the brackets.
  const blockEnd = text[block.end - 1] === '」' && text[start] === '「' ? block.end - 1 : block.end;
  if (blockEnd < block.end) start++;
  const turn = labelTurnAt(text, start, blockEnd, tokenizer, book, labelCounts);
  if (turn) {
    out.push(turn);
    return out;
  }
  // …到着した花角知事。【北浦知事】「…」報道陣の問いかけに…: a broadcast's transcript labels each sound bite in
  // brackets where it falls in the paragraph (a label opening the block is a turn, above).
  // (Looked for within the block only: text.indexOf would read on to the end of the text from every block.)
  let bracket = start + 1;
  while (bracket < block.end && text.charCodeAt(bracket) !== 0x3010) bracket++;
  if (bracket < block.end) for (const m of text.slice(start, block.end).matchAll(/(?<=.)【([^【】\n]{2,30})】[ \u3000]*「/gs)) {
    const open = start + m.index + m[0].length - 1;
    // (A quotation a cut excerpt never closes runs to the end of the block.)
    const closed = closes(text, open);
    const close = closed < 0 ? trimWhite(text, open + 1, block.end).end : closed;
    if (close <= open + 1 || close > block.end) continue;
    const label = { start: start + m.index + 1, end: start + m.index + 1 + m[1]!.length };
    const who = labelSpeaker(m[1]!, label, tokenizer, book, 'label-bracket-quote', (labelCounts.get(m[1]!) ?? 0) >= 2);
    if (who && who.people.every((p) => p.type === 'person')) out.push({ speaker: who, via: [], kind: 'quote', cue: { start: label.start - 1, end: label.end + 1 }, content: boundContent({ start: open + 1, end: close }), mention: 'explicit', rule: 'label-bracket-quote', tokens: m[1]! });
  }
  // Q.…ですか? (北陵大学・李成哲教授) 「…」 Q.…? (李教授) 「…」: a digest of an interview, each answer under its
  // speaker in parentheses where it falls in the paragraph, after a space or the end of a sentence.
  if (/[?？。」][ \u3000]*[(（][^()（）\n]{2,30}[)）][ \u3000]*「/.test(text.slice(start, block.end))) for (const m of text.slice(start, block.end).matchAll(/(?<=[?？。」][ \u3000]*)[(（]([^()（）\n「」]{2,30})[)）][ \u3000]*「/g)) {
    const open = start + m.index + m[0].length - 1;
    const closed = closes(text, open);
    const close = closed < 0 ? trimWhite(text, open + 1, block.end).end : closed;
    if (close <= open + 1 || close > block.end) continue;
    const label = { start: start + m.index + 1, end: start + m.index + 1 + m[1]!.length };
    const who = labelSpeaker(m[1]!, label, tokenizer, book, 'label-paren');
    if (who && who.people.every((p) => p.type === 'person')) out.push({ speaker: who, via: [], kind: 'quote', cue: { start: label.start - 1, end: label.end + 1 }, content: boundContent({ start: open + 1, end: close }), mention: 'explicit', rule: 'label-paren', tokens: m[1]! });
  }
  // (岡部芳彦氏)「…」: a transcript's turn, the speaker in parentheses before the quotation, however long it runs.
  const parenLabel = /^[(（]([^()（）\n「」]{2,30})[)）][ \u3000]?「/.exec(text.slice(start, Math.min(block.end, start + 40)));
  if (parenLabel) {
    const open = start + parenLabel[0].length - 1;
    const close = closes(text, open);
    const label = { start: start + 1, end: start + 1 + parenLabel[1]!.length };
    const who = close > open + 1 && close < block.end ? labelSpeaker(parenLabel[1]!, label, tokenizer, book, 'label-paren') : null;
    if (who && who.people.every((p) => p.type === 'person')) {
      // The whole block one turn: nothing else in it is read (an interview's answer is this speaker's).
      const whole = text.slice(close + 1, block.end).trim() === '';
      out.push({ speaker: who, via: [], kind: 'quote', cue: label, content: { start: open + 1, end: close }, mention: 'explicit', rule: whole ? 'label-turn-paren' : 'label-paren', tokens: parenLabel[1]! });
      if (whole) return out;
    }
  }
  // 森山大統領「…」 opening a long paragraph: a transcript's turn, however long it runs (to the end of the paragraph
  // when a cut excerpt never closes it).
  const turnHead = block.kind === 'paragraph' ? /^([^「」\s、。()（）]{2,20})「/.exec(text.slice(start, start + 24)) : null;
  const open = turnHead ? start + turnHead[1]!.length : -1;
  const close = turnHead ? closes(text, open) : -1;
  if (turnHead && (block.end - start > 400 || close < 0)) {
    const end = close > open ? close : trimWhite(text, open + 1, block.end).end;
    const toks = tokenizer.tokenize(turnHead[1]!, start);
    const np = toks.length ? nounPhraseEndingAt(text, toks, toks.length - 1, 0) : null;
    const sp = np && np.start === start ? classify(np, toks, book) : null;
    if (sp && sp.type === 'person' && (sp.title || toks.some((t) => t.pos2 === '人名')) && (close < 0 || text.slice(close + 1, block.end).trim() === '')) {
      const who = book.resolve(sp, null, { start: np!.start, end: np!.end });
      if (who) return [{ speaker: who, via: [], kind: 'quote', cue: { start: np!.start, end: np!.end }, content: boundContent({ start: open + 1, end }), mention: 'explicit', rule: 'label-turn-quote', tokens: np!.text }];
    }
  }
  // X「…」 and X 「…」 anywhere in a short block (headlines, captions, debate digests).
  const body = text.slice(start, block.end);
  if (body.length <= 400 || block.kind === 'title' || block.kind === 'heading') {
    const re = /「([^「」\n]{1,200})」(?![とをのでにがはもへ]|って|という|など)/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const open = start + m.index;
      // The speaker: a noun phrase ending right before the bracket (spaces allowed), at a line or phrase start.
      let e = open;
      while (e > start && /[ \u3000]/.test(text[e - 1]!)) e--;
      const from = Math.max(start, e - 30);
      const before = text.slice(from, e);
      if (!before) continue;
      const toks = tokenizer.tokenize(before, from);
      const np = nounPhraseEndingAt(text, toks, toks.length - 1, 0);
      if (!np) continue;
      const lead = text[np.start - 1];
      if (np.start > start && lead !== undefined && !/[\s」、。】:：]/.test(lead)) continue;
      const sp = classify(np, toks, book);
      if (!sp || sp.type !== 'person' || !sp.title && !toks.slice(np.from, np.to).some((t) => t.pos2 === '人名') && !/(?:氏|さん)$/.test(np.text)) continue;
      const who = book.resolve(sp, null, { start: np.start, end: np.end });
      if (!who) continue;
      const cs = open + 1;
      out.push({ speaker: who, via: [], kind: 'quote', cue: { start: np.start, end: np.end }, content: { start: cs, end: cs + m[1]!.length }, mention: 'explicit', rule: 'label-quote', tokens: np.text });
    }
  }
  // 川村外務相、漁業協定巡り「…」: a headline opening with a person, a comma, a topic, then the quotation.
  if ((block.kind === 'title' || block.kind === 'heading' || body.length <= 80) && !out.length) {
    const m = /^([^、「」\s]{2,24})、[^「」。]{0,20}「([^「」\n]{1,120})」\s*$/.exec(body);
    if (m) {
      const toks = tokenizer.tokenize(m[1]!, start);
      const np = nounPhraseEndingAt(text, toks, toks.length - 1, 0);
      const sp = np && np.start === start ? classify(np, toks, book) : null;
      if (sp && sp.type === 'person' && sp.title) {
        const who = book.resolve(sp, null, { start: np!.start, end: np!.end });
        const cs = start + m[0].lastIndexOf('「') + 1;
        if (who) out.push({ speaker: who, via: [], kind: 'quote', cue: { start: np!.start, end: np!.end }, content: { start: cs, end: cs + m[2]!.length }, mention: 'explicit', rule: 'label-quote', tokens: np!.text });
      }
    }
  }
  // Headlines: 経団連 筒井会長 合意評価 “…” / 「…」 NATO事務総長、… / 立民「…」と酷評 / ヒズボラ、撃退と主張
  if ((block.kind === 'title' || block.kind === 'heading' || body.length <= 80 && !/。/.test(body)) && !out.length) {
    const h = headline(text, { start, end: block.end }, tokenizer, book);
    if (h) out.push(h);
  }
  // 「…」(丸山浩二氏) — a quotation credited in parentheses.
  const paren = /「([^「」\n]{2,400})」[ \u3000]?([(（]([^)）\n]{2,30})[)）])/g;
  for (let m = paren.exec(body); m; m = paren.exec(body)) {
    // (…名誉教授、以下同: "the same below" is no part of who it is.)
    const inner = m[3]!.replace(/[、,=＝][ \u3000]?以下同(?:じ)?$/, '');
    const cueStart = start + m.index + m[0].lastIndexOf(m[2]!);
    const cue = { start: cueStart, end: cueStart + m[2]!.length };
    const who = labelSpeaker(inner, { start: cueStart + 1, end: cueStart + 1 + inner.length }, tokenizer, book, 'label-paren');
    // (「…」(北辰総研): a research body or an office credited so speaks too; a wire's credit, (共同), does not.)
    if (!who || who.people.some((p) => p.type === 'media' || p.type === 'group')) continue;
    const cs = start + m.index + 1;
    out.push({ speaker: who, via: [], kind: 'quote', cue, content: { start: cs, end: cs + m[1]!.length }, mention: 'explicit', rule: 'label-paren', tokens: inner });
  }
  // …=台湾外相 closing a headline.
  if (block.kind === 'title' || block.kind === 'heading' || body.length <= 120) {
    const eq = /^(.{4,120}?)[=＝]([^=＝\s]{2,20})\s*$/.exec(body);
    if (eq) {
      const cueStart = start + eq[1]!.length;
      // (…=為替で官房長官: what the remark was about, before で, is no part of who made it.)
      const about = /^[^=＝\s、]{1,8}?(?:で|巡り|めぐり|について)(?=[^=＝\s、]{2,})/.exec(eq[2]!);
      const credited = about ? eq[2]!.slice(about[0].length) : eq[2]!;
      const who = labelSpeaker(credited, { start: cueStart + 1 + (about?.[0].length ?? 0), end: cueStart + 1 + eq[2]!.length }, tokenizer, book, 'label-equals');
      const cue = { start: cueStart, end: cueStart + 1 + eq[2]!.length };
      if (who && who.people.every((p) => p.type === 'person' && p.title)) out.push({ speaker: who, via: [], kind: 'reported', cue, content: { start, end: start + eq[1]!.length }, mention: 'explicit', rule: 'label-equals', tokens: eq[2]! });
      // (…「南北関係に役立たない」=韓国大統領府: an office or a body credited with a quotation; a caption's place after
      // its equals sign, 会見する首相=首相官邸, credits no quotation.)
      else if (who && eq[1]!.trimEnd().endsWith('」') && who.people.every((p) => p.type === 'government' || p.type === 'organization')) {
        const close = start + eq[1]!.trimEnd().length - 1;
        const open = text.lastIndexOf('「', close);
        if (open >= start && closes(text, open) === close) out.push({ speaker: who, via: [], kind: 'quote', cue, content: { start: open + 1, end: close }, mention: 'explicit', rule: 'label-equals', tokens: eq[2]! });
      }
    }
    // …あり得る-大和総研: a research body or a person with a post credited after a dash (never a wire's credit).
    const dash = eq ? null : /^(.{4,120}?[^\s\-－―–])[\-－―–]([^\-－―–\s]{2,20})\s*$/.exec(body);
    // (Japanese on both sides: hatena-bookmark is a page's furniture.)
    if (dash && JAPANESE.test(dash[1]!) && JAPANESE.test(dash[2]!)) {
      const cueStart = start + dash[1]!.length;
      const who = labelSpeaker(dash[2]!, { start: cueStart + 1, end: cueStart + 1 + dash[2]!.length }, tokenizer, book, 'label-equals');
      if (who && who.people.every((p) => p.type === 'organization' || p.type === 'person' && p.title)) out.push({ speaker: who, via: [], kind: 'reported', cue: { start: cueStart, end: cueStart + 1 + dash[2]!.length }, content: { start, end: start + dash[1]!.length }, mention: 'explicit', rule: 'label-equals', tokens: dash[2]! });
    }
  }
  return out;
}

const JAPANESE = /[\u3041-\u30FA\u4e00-\u9fff]/;

/** The speaker a stretch of a headline names whole (a segment between spaces or up to 、): a person by name or post. */
function headlineSpeaker(text: string, from: number, to: number, tokenizer: JaTokenizer, book: SpeakerBook, types: readonly string[]): Speaker | null {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to - from < 1 || to - from > 24) return null;
  const toks = tokenizer.tokenize(text.slice(from, to), from);
  const np = toks.length ? nounPhraseEndingAt(text, toks, toks.length - 1, 0) : null;
  if (!np || np.start !== from) return null;
  const sp = classify(np, toks, book);
  if (!sp || !types.includes(sp.type) || sp.type === 'person' && !sp.title && !toks.some((t) => t.pos2 === '人名') && !/(?:氏|さん)$/.test(np.text)) return null;
  return book.resolve(sp, null, { start: np.start, end: np.end });
}

/**
 * The quotation of a headline and whom it credits: the segment before a closing quotation that names a person
 * (経団連 筒井会長 合意を評価 “…”), the words after an opening one (「…」 NATO事務総長、…), a speaker glued to
 * the quotation before と and a reporting word (立民「…」と酷評), or a speaker and a comma before …と主張.
 */
function headline(text: string, line: Span, tokenizer: JaTokenizer, book: SpeakerBook): Draft | null {
  const body = text.slice(line.start, line.end);
  const q = /[「“]([^「」“”\n]{1,80})[」”]/.exec(body);
  if (q) {
    const qs = line.start + q.index;
    const qe = qs + q[0].length;
    const content = { start: qs + 1, end: qe - 1 };
    const after = text.slice(qe, line.end);
    const make = (who: Speaker, cue: Span, rule: string): Draft => ({ speaker: who, via: [], kind: 'quote', cue, content, mention: 'explicit', rule, tokens: text.slice(cue.start, cue.end) });
    // X「…」と酷評
    const reported = /^と(?:酷評|批判|主張|強調|指摘|反発|表明|明言|断言|述べ|語|訴え|警告|非難|一蹴|要求|要請|懸念)/.exec(after);
    if (reported) {
      let b = qs;
      while (b > line.start && !/[\s、。」”]/.test(text[b - 1]!)) b--;
      const who = headlineSpeaker(text, b, qs, tokenizer, book, ['person', 'organization', 'government', 'media']);
      if (who) return make(who, { start: qe, end: qe + reported[0].length }, 'label-quote');
    }
    // … 筒井会長 … “…” closing the line
    if (/^[\s。!！?？]*$/.test(after)) {
      const segs = [...text.slice(line.start, qs).matchAll(/[^\s\u3000]+/g)];
      for (let i = segs.length - 1; i >= 0; i--) {
        const m = segs[i]!;
        const who = headlineSpeaker(text, line.start + m.index, line.start + m.index + m[0].length, tokenizer, book, ['person']);
        if (who) return make(who, { start: line.start + m.index, end: line.start + m.index + m[0].length }, 'label-quote');
      }
    }
    // 「…」 NATO事務総長、… / 「…」=北辰首相、… (news style credits the quotation after an equals sign)
    // …「台湾侵攻の時が滅亡の時」=専門家: an expert credited by kind alone is the one expert the story names (氏 or an
    // expert's post, no office of state), when it names one.
    const credit = /^[=＝]((?:米|中国|韓国|ロシア|台湾|日本)?(?:専門家|識者|学者|研究者|アナリスト|エコノミスト))\s*$/.exec(after);
    if (credit) {
      const experts = book.registry.people.filter((p) => p.type === 'person' && p.role !== 'author' && (p.title === null || EXPERT_POST.test(p.title))
        && p.mentions.some((m) => m.start > line.end && (/(?:氏|さん)$/.test(book.registry.text.slice(m.start, m.end + 1)) || p.title !== null)));
      if (experts.length === 1) {
        const expert = experts[0]!;
        const cue = { start: qe + 1, end: qe + 1 + credit[1]!.length };
        book.registry.addMention(expert, cue, undefined, credit[1]!);
        return make({ people: [expert], source: cue }, cue, 'label-equals');
      }
    }
    // 北国 ミサイル “飛来確認されず” 林官房長官: the line closing on who said it, a person named with a post.
    const closing = q.index > 0 ? /^[ \u3000]+([^\s\u3000、,=＝「」“”]{2,24})[ \u3000]*$/.exec(after) : null;
    if (closing) {
      const ws = qe + closing[0].indexOf(closing[1]!);
      const who = headlineSpeaker(text, ws, ws + closing[1]!.length, tokenizer, book, ['person']);
      if (who) return make(who, { start: ws, end: ws + closing[1]!.length }, 'label-quote');
    }
    if (q.index === 0) {
      const m = /^[\s\u3000]*(?:[=＝][\s\u3000]*)?([^\s\u3000、,=＝]{2,24})[、,\s]/.exec(after);
      const who = m ? headlineSpeaker(text, qe + m.index + m[0].indexOf(m[1]!), qe + m.index + m[0].indexOf(m[1]!) + m[1]!.length, tokenizer, book, ['person']) : null;
      if (who && m) return make(who, { start: qe + m[0].indexOf(m[1]!), end: qe + m[0].indexOf(m[1]!) + m[1]!.length }, 'label-quote');
      // 「…」 日銀の利上げに北村健一が指摘: the line closes on who said it and a noun of saying.
      const by = /([^\s\u3000、「」にでをのと]{2,20})が(指摘|言及|強調|警告|警鐘|批判|苦言|解説|分析|予想|予測|語る|明かす|断言|主張|提言)\s*$/.exec(after);
      const ws = by ? qe + by.index : -1;
      const speaker = by ? headlineSpeaker(text, ws, ws + by[1]!.length, tokenizer, book, ['person']) : null;
      if (speaker && by) return make(speaker, { start: ws + by[1]!.length, end: ws + by[0].trimEnd().length }, 'label-quote');
    }
    return null;
  }
  // ヒズボラ、撃退と主張 / … 首相、続投に意欲
  const m = /(?:^|[\s\u3000])([^\s\u3000、]{2,20})、([^\s\u3000、「」]{1,40})と(主張|強調|表明|明言|反論|指摘|批判|警告|発表)\s*$/.exec(body);
  if (m) {
    const ws = line.start + m.index + m[0].indexOf(m[1]!);
    const who = headlineSpeaker(text, ws, ws + m[1]!.length, tokenizer, book, ['person', 'organization', 'government', 'media']);
    const cs = ws + m[1]!.length + 1;
    if (who) return { speaker: who, via: [], kind: 'reported', cue: { start: cs + m[2]!.length, end: cs + m[2]!.length + 1 + m[3]!.length }, content: { start: cs, end: cs + m[2]!.length }, mention: 'explicit', rule: 'label-quote', tokens: m[3]! };
  }
  return null;
}

/** Posts of those who comment as experts (教授, 研究員, エコノミスト …), not offices of state. */
const EXPERT_POST = /(?:教授|准教授|講師|研究員|研究官|研究主幹|研究委員|フェロー|所長|エコノミスト|アナリスト|ストラテジスト|学者|専門家|評論家|コメンテーター|博士)$/;

/** A bare label that can only be a name: kanji or katakana without digits, or Latin initials (M.T.). */
function isNameLike(s: string): boolean {
  return /^(?:[\u4e00-\u9fff々]{1,4}|[\u30A1-\u30FA\u30FC・]{2,12}|[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]+)(?:君|氏|さん)?$/.test(s);
}

/** A dateline: a place, then a wire service (ソウル聯合ニュース, ワシントン時事, 北京共同). */
const DATELINE_WIRE = /^[\u30A1-\u30FA\u30FC\u4e00-\u9fff]{2,8}?(?:共同|時事|聯合ニュース|聯合|連合ニュース|ロイター|AFP|AP|新華社|タス|ブルームバーグ)(?:通信)?$/;

/** Kinds of common noun (IPADIC's 名詞 subclasses) that no name is. */
const COMMON_NOUN = /^(?:一般|サ変接続|形容動詞語幹|副詞可能)$/;

function labelSpeaker(label: string, span: Span, tokenizer: JaTokenizer, book: SpeakerBook, rule: string, repeated = true): Speaker | null {
  let clean = label.replace(/^[○◯]/, '');
  if (!clean || /^(?:Q|A|問|答|注|※|写真|出典|資料|図|表|参考|関連|追記|編集|撮影|提供|中略|前略|後略|略|拍手|笑|笑い|一同|会場|場内|なし|項目|続き|完|了|同)\d*$/.test(clean)) return null;
  // A caption's credit (…の画像出典:, 写真提供:) names where a picture came from, not a speaker.
  if (/(?:出典|提供|撮影|画像|写真|クレジット)$/.test(clean)) return null;
  // 【ワシントン=森田一郎】: a dateline and the reporter's credit, not a turn.
  if (/^[^=＝\s]{1,12}[=＝]/.test(clean) && rule === 'label-turn-bracket') return null;
  // (So is 【ソウル聯合ニュース】, 【北京共同】: where a story was filed and the wire's name, however often repeated.)
  if (rule === 'label-turn-bracket' && DATELINE_WIRE.test(clean)) return null;
  // (ブルームバーグ): opening a story: the wire's credit, not a turn.
  if (rule === 'label-turn-colon' && /^[(（][^()（）]+[)）]$/.test(clean) && (KATAKANA_MEDIA.test(clean.slice(1, -1)) || MEDIA_TAILS.test(clean.slice(1, -1)))) return null;
  // 【北川氏出馬会見】: the person whose press conference or interview it is speaks.
  const event = /^(.{1,12}?(?:氏|さん))(?:出馬|就任|辞任|退任|退陣|緊急|単独|定例|記者)?(?:会見|インタビュー|演説|講演|スピーチ)$/.exec(clean);
  if (event) clean = event[1]!;
  let at = label.startsWith('○') ? span.start + 1 : span.start + (span.end - span.start - label.length);
  // 北村首相(1月31日): the day a remark was made is no part of who made it.
  if (/[(（][\d０-９]+(?:年|月|日)[^()（）]*[)）]$/.test(clean)) clean = clean.replace(/[(（][^()（）]*[)）]$/, '');
  // 記者(北東通信), 外務大臣(川村一郎君): the words before the parenthesis say what kind of speaker it is.
  let head = clean.replace(/[(（][^)）]*[)）]$/, '') || clean;
  // 『北辰銀行』森田花子さん: a body in brackets before the name is its organisation (read as if a space set it off).
  const body = /^[『「【]([^『「【』」】]{2,30})[』」】](?=\S)/.exec(head);
  if (body) {
    head = `${body[1]!} ${head.slice(body[0].length)}`;
    at++;
  }
  const toks = tokenizer.tokenize(head, Math.max(at, 0));
  if (!toks.length) return null;
  const np = { from: 0, to: toks.length, start: toks[0]!.start, end: toks[toks.length - 1]!.end, text: head };
  // ○政府参考人(宮下浩二君): minutes give the member's name inside the parentheses, with 君, whatever stands before.
  const member = /^([^()（）]{1,20})[(（]([^()（）]{2,12})君[)）]$/.exec(clean);
  if (member) return book.resolve({ ...np, text: clean, type: 'person', core: member[2]!, organization: null, title: member[1]! }, null, span);
  let sp = classify(np, toks, book);
  // A short label is a name even when the dictionary does not know it (戸田, 三宅, M.T.).
  // A label seen once must name a person by the dictionary or a post (a dateline 【ソウル聯合ニュース】, a tag
  // 【詳細】 or 独占: are not turns); a repeated one is a turn whoever it names.
  // (An official of a body named by the post alone, 国土省報道官, is one speaking: the body through them.)
  if (sp && sp.type !== 'person' && !sp.title && rule.startsWith('label-turn') && !repeated) return null;
  // A bare name repeated at the head of turns is a person whatever the dictionary tags it (ホア as 組織).
  // (An outlet stays one: ○毎日新聞 asks as the paper.)
  // (Not a word of the language the dictionary knows as a common noun: 【続報】 and 【解説】 tag a story, whoever reads them.)
  const named = isNameLike(clean) && !(toks.length === 1 && toks[0]!.known && toks[0]!.pos === '名詞' && COMMON_NOUN.test(toks[0]!.pos1) && !isPost(clean));
  if (sp && sp.type !== 'person' && sp.type !== 'media' && (rule === 'label-turn-name' || rule.startsWith('label-turn') && repeated) && named) sp = { ...sp, type: 'person', core: clean, organization: null, title: null };
  if (!sp && (rule.startsWith('label-turn') && repeated || rule === 'label-paren') && clean.length <= 8 && named) {
    sp = { ...np, type: 'person', core: clean.replace(/(?:君|氏|さん)$/, ''), organization: null, title: null };
  }
  if (!sp || sp.type === 'anaphor') return null;
  if (head !== clean) sp = { ...sp, text: clean, core: sp.core === head ? clean : sp.core };
  // (知事), 大臣: — an office alone, held by no one named in the text, is a role-only official: the government speaks.
  if (sp.type === 'person' && sp.core === clean && GOVERNMENT_OFFICE.test(clean) && !book.holder(clean)) sp = { ...sp, type: 'government', title: null };
  if (sp.type === 'person' && /[(（]/.test(clean)) {
    // 外務大臣(川村一郎君): the name is inside; 記者(北東通信): the organisation is.
    const m = /^(.*?)[(（]([^)）]+)[)）]$/.exec(clean);
    if (m) {
      const inside = m[2]!.replace(/(?:君|氏|さん)$/, '');
      const insideToks = tokenizer.tokenize(m[2]!);
      if (insideToks.some((t) => t.pos2 === '人名')) sp = { ...sp, core: inside, title: m[1]! || null };
      else if (/^[^()（）]{2,}(?:氏|さん)$/.test(m[1]!)) {
        // 櫻井花子氏(北辰問題研究所理事長): the name, then what they are in parentheses.
        const post = postEnding(m[2]!);
        sp = { ...sp, core: m[1]!.replace(/(?:氏|さん)$/, ''), organization: post ? m[2]!.slice(0, -post.length) || null : m[2]!, title: post ?? null };
      } else sp = { ...sp, core: clean, organization: m[2]!, title: m[1]! || null };
    }
  }
  return book.resolve(sp, null, span);
}

// ------------------------------------------------------------------------------------------ people

/** Speaker phrases to people of the registry: one person per name, short forms and anaphors resolved. */
class SpeakerBook {
  private last: DraftPerson[] = [];
  /** Names the people pass already knows in this document: a bare surname there is a person. */
  readonly known: ReadonlySet<string>;
  /** How each noun phrase met in this document reads as a speaker (see classifySpeaker). */
  readonly readings: SpeakerReadings = new Map();
  /** knownName's answers: most phrases tried are no speaker, and are asked about again and again. */
  private readonly knownNames = new Map<string, string | null>();
  constructor(readonly registry: PeopleRegistry) {
    // (A kanji full name the analyser could not cut, 辛坊治郎: its first two kanji are taken for the surname.)
    this.known = new Set(registry.people.filter((p) => p.type === 'person')
      .flatMap((p) => [p.name.replace(/[ \u3000]/g, ''), p.surname, ...p.aliases].filter((x) => x && x.length >= 2)));
  }

  /**
   * The phrase without spaces or a closing note (see bareSpeaker), when it is a name in `known`, or the first two
   * kanji of a kanji full name of four or five the analyser could not cut (辛坊 of 辛坊治郎, named before); else null.
   */
  knownName(text: string): string | null {
    let name = this.knownNames.get(text);
    if (name === undefined || name === null && this.registry.people.length !== this.knownAt) {
      const bare = bareSpeaker(text);
      name = this.known.has(bare) ? bare : null;
      if (name === null && /^[\u4e00-\u9fff々]{2}$/.test(bare)) {
        name = this.recentPerson((p) => p.surname === p.name && /^[\u4e00-\u9fff々]{4,5}$/.test(p.name) && p.name.startsWith(bare)) ? bare : null;
      }
      // 華氏 after 華春瑩: a one-kanji surname and 氏 that the dictionary knows as a word (Fahrenheit) is the person.
      if (name === null && /^[\u4e00-\u9fff]氏$/.test(bare)) {
        name = this.recentPerson((p) => /^[\u4e00-\u9fff]{2,3}$/.test(p.name) && p.name.startsWith(bare[0]!)) ? bare[0]! : null;
      }
      this.knownNames.set(text, name);
      this.knownAt = this.registry.people.length;
    }
    return name;
  }
  /** How many people the registry had when knownName last answered no. */
  private knownAt = 0;

  /** The latest of the RECENT_PEOPLE people named last that is a person and passes `test`. */
  private recentPerson(test: (p: DraftPerson) => boolean): DraftPerson | undefined {
    const people = this.registry.people;
    for (let i = people.length - 1; i >= Math.max(0, people.length - RECENT_PEOPLE); i--) {
      const p = people[i]!;
      if (p.type === 'person' && test(p)) return p;
    }
    return undefined;
  }

  resolve(sp: SpeakerPhrase, current: Speaker | null, at?: Span): Speaker | null {
    const source = at ?? { start: sp.start, end: sp.end };
    if (sp.type === 'anaphor') {
      const want = anaphorType(sp.core);
      // (同紙, 同誌: a paper or a magazine, before any outlet: 同紙 after a broadcaster's report is still the paper named before.)
      const paper = /^同[紙誌]$/.test(sp.core) ? [...this.last].reverse().find((p) => p.type === 'media' && PAPER.test(p.name)) : undefined;
      let found = paper ?? [...this.last].reverse().find((p) => want === null || want.includes(p.type));
      // 同氏 after 同通信は…トローラヤ氏の発言を伝えている。: the person named last, outside quotations, even one who
      // has not spoken yet.
      if (/^(?:同氏|彼|彼女)$/.test(sp.core)) {
        const text = this.registry.text;
        // (In a sentence before this one: a person named in this one describes the anaphor, 勝利を的中させた実績を持つ同氏.)
        const sentenceStart = sentenceStartAt(text, source.start);
        // (A name, not another anaphor the people pass linked to someone: 同氏, 彼.)
        const named = this.registry.lastPersonMentionBefore(sentenceStart, (m) => !insideQuotation(text, m.start) && byName(text, m), Math.max(0, sentenceStart - 400));
        // (Only from a later sentence than the one the last speaker was named in: a person that speaker's claim
        // names in the same sentence is not 同氏.)
        if (named && named !== found && (!found || sentenceStartAt(text, lastMentionStart(named, sentenceStart, text)) > sentenceStartAt(text, lastMentionStart(found, sentenceStart, text)))) found = named;
      }
      const fallback = current?.people.find((p) => want === null || want.includes(p.type));
      let who = found ?? fallback;
      // 同協会 after 港湾協会の平岡会長: the organisation a speaker named before belongs to, of that kind.
      if (!found && (want?.[0] === 'organization' || want?.[0] === 'government')) {
        const noun = sp.core.slice(1);
        const owner = [...this.last].reverse().find((p) => p.organization && p.organization.length > noun.length && p.organization.endsWith(noun));
        if (owner) who = this.registry.people.find((p) => p.name === owner.organization && p.type === want[0]) ?? this.registry.addPerson({ name: owner.organization!, organization: null, title: null, type: want[0]! });
      }
      // 同紙は… with the paper named before the excerpt began: the speaker is "the paper", not whoever is near.
      if (!who && /^同(?:紙|誌|通信|局|社|省|党)$/.test(sp.core)) who = this.registry.people.find((p) => p.name === sp.core) ?? this.registry.addPerson({ name: sp.core, organization: null, title: null, type: want![0]! });
      if (!who) return null;
      if (!found) this.last.push(who);
      this.registry.addMention(who, source, undefined, sp.core);
      this.registry.addAlias(who, sp.text);
      return { people: [who], source };
    }
    const person = this.person(sp, source);
    this.last.push(person);
    if (this.last.length > 12) this.last.shift();
    return { people: [person], source };
  }

  /** The person the people pass read at this phrase's name, when it read one the phrase alone cannot tell. */
  private namedAt(source: Span, core: string): DraftPerson | undefined {
    const reg = this.registry;
    for (let at = source.end; at >= source.end - 2 && at > source.start; at--) {
      for (const m of reg.mentionsEndingAt(at)) {
        if (m.person.type !== 'person') continue;
        // 早瀬 康介氏: the noun phrase stops at the space; the people pass read the name across it.
        if (m.start < source.start && /[ \u3000]/.test(m.person.name) && m.person.name.endsWith(core)) return m.person;
        // 王氏 after 王毅外相: the people pass read the short form as the person named before.
        if (m.start >= source.start && m.person.name !== core && reg.text.slice(m.start, m.end) === core) return m.person;
      }
    }
    return undefined;
  }

  /** The last person named with this post (岸本一郎首相 for a bare 首相), if any. */
  holder(post: string): DraftPerson | undefined {
    return this.registry.people.findLast((p) => p.type === 'person' && p.name !== post && (p.title === post || [...p.aliases].some((a) => a.length > post.length + 1 && holds(a, post))))
      // (トランプ米大統領と会談した: a person named with the post where they did not speak; among the people named
      // lately, so that a long document does not make every bare post cost all its mentions.)
      ?? this.recentPerson((p) => p.name !== post && p.mentions.some((m) => {
        const after = this.registry.text.slice(m.end, m.end + post.length + 3);
        const at = after.indexOf(post);
        return at >= 0 && at <= 3 && /^[\u4e00-\u9fff]{0,3}$/.test(after.slice(0, at)) && !/[元前副次補]$/.test(after.slice(0, at));
      }));
  }

  private person(sp: SpeakerPhrase, source: Span): DraftPerson {
    const reg = this.registry;
    const core = sp.core.replace(/\s+/g, ' ').trim() || sp.text;
    // A short form (王氏, 森山総裁, 坂口会長) of someone already named: same surname, or a name that starts the same.
    // A post alone (首相, 同大統領 resolved elsewhere) is the last person named with that post (岸本一郎首相).
    const byPost = sp.type === 'person' && isPost(core) ? this.holder(core) : undefined;
    const existing = byPost ?? (sp.type === 'person' ? this.namedAt(source, core) : undefined)
      ?? reg.people.find((p) => p.type === sp.type && (p.name === core || p.aliases.has(core) || p.aliases.has(sp.text)))
      // (A body's short form met after its gloss, 北大西洋条約機構(NATO) then NATO, is that body whatever kind it reads as.)
      ?? (sp.type === 'government' || sp.type === 'organization' ? reg.people.find((p) => (p.type === 'government' || p.type === 'organization') && p.aliases.has(core)) : undefined)
      ?? (sp.type === 'person' ? reg.people.find((p) => p.type === 'person' && core.length >= 1 && core.length < p.name.length && !/[\s\u3000]/.test(p.name) && (p.name.startsWith(core) && core.length >= 2 || p.surname === core)) : undefined)
      ?? (sp.type !== 'person' ? reg.people.find((p) => p.type === sp.type && core.length >= 2 && (p.name.endsWith(core) || core.endsWith(p.name) && p.name.length >= 2)) : undefined);
    // 坂口会長 first, 坂口健司会長 later: the same person, now with the full name.
    const shortForm = !existing && sp.type === 'person'
      ? reg.people.find((p) => p.type === 'person' && p.role !== 'author' && !/[・\s]/.test(p.name) && core.length > p.name.length && core.startsWith(p.name) && p.name.length >= 1 && /^[\u4e00-\u9fff々]+[\u3041-\u3096]*$/.test(core))
      : undefined;
    if (shortForm) {
      reg.addAlias(shortForm, shortForm.name);
      shortForm.name = core;
      shortForm.organization ??= sp.organization;
      shortForm.title ??= sp.title;
    }
    const person = existing ?? shortForm ?? reg.addPerson({ name: core, organization: sp.organization, title: sp.title, type: sp.type === 'anaphor' ? 'person' : sp.type, ...(sp.surname ? { surname: sp.surname } : {}) });
    if (existing) {
      existing.organization ??= sp.organization;
      existing.title ??= sp.title;
      if (sp.surname && existing.type === 'person' && existing.surname === existing.name && existing.name === core) existing.surname = sp.surname;
      // The people pass may have read a post into the name (北川外務 of 北川外務副大臣): the name tokens know better.
      // (Only an office word: 平岩俊司 is a full name, not 平岩 with 俊司 read into it.)
      if (sp.type === 'person' && existing.type === 'person' && existing.role !== 'author' && !/[・\s]/.test(existing.name) && existing.name !== core && existing.name.startsWith(core) && core.length >= 2
        && (OFFICE_WORD.test(existing.name.slice(core.length)) || startsWithPost(existing.name.slice(core.length)))) {
        reg.addAlias(existing, existing.name);
        existing.name = core;
      }
    }
    reg.addAlias(person, sp.text.trim());
    reg.addAlias(person, sp.text.replace(/[ \u3000]/g, ''));
    if (core !== person.name) reg.addAlias(person, core);
    // 国家情報院(国情院), 北大西洋条約機構(NATO): a body's short form in brackets after its name is the body later on.
    const gloss = sp.type !== 'person' ? /[(（]([^()（）\s]{2,12})[)）]$/.exec(sp.text.trim()) : null;
    if (gloss && abbreviates(gloss[1]!, person.name)) reg.addAlias(person, gloss[1]!);
    reg.addMention(person, source);
    return person;
  }
}

/** Whether `short` is an abbreviation of `name`: capitals (NATO, IAEA), or some of its characters in order (国情院). */
function abbreviates(short: string, name: string): boolean {
  if (/^[A-Z][A-Z0-9&.\-]{1,9}$/.test(short)) return true;
  if (short.length >= name.length) return false;
  let k = 0;
  for (const c of name) if (c === short[k]) k++;
  return k === short.length;
}

/** How many of the people named last a short form or a bare post is looked for among (beyond the names known by set). */
const RECENT_PEOPLE = 64;

/** Whether a mention names its person rather than points back (同氏, 彼, 両氏). */
function byName(text: string, m: Span): boolean {
  return !/^(?:同|彼|両)/.test(text.slice(m.start, m.end));
}

/** Where the person's last mention by name before `at` starts, or -1. */
function lastMentionStart(p: DraftPerson, at: number, text: string): number {
  let best = -1;
  for (const m of p.mentions) if (m.start < at && m.start > best && byName(text, m)) best = m.start;
  return best;
}

/** Where the sentence holding offset `at` starts (after the last 。 or line break before it). */
function sentenceStartAt(text: string, at: number): number {
  return Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
}

/** Whether `at` stands inside a quotation opened in its sentence (「…). */
function insideQuotation(text: string, at: number): boolean {
  let depth = 0;
  for (let k = at - 1; k >= 0 && k >= at - 300; k--) {
    const c = text[k]!;
    if (c === '。' && depth === 0 || c === '\n') break;
    if (QUOTE_CLOSE.has(c)) depth--;
    else if (QUOTE_OPEN.has(c)) depth++;
  }
  return depth > 0;
}

function anaphorType(s: string): DraftPerson['type'][] | null {
  if (/^(?:同氏|彼|彼女|両氏|同(?:会長|社長|相|大統領|首相|報道官|教授|院長|所長|議員|知事|長官|大臣|総裁|候補|代表))$/.test(s)) return ['person'];
  if (/^(?:同紙|同誌|同通信|同局|同メディア|同サイト|新聞|記事|報道)$/.test(s)) return ['media'];
  if (/^(?:同省|同政府|同軍|同国|同政権|同議会|同裁判所)$/.test(s)) return ['government'];
  if (/^同(?:社|党|機構|研究所|委員会|協会|財団|銀行|行|大学|組合|連盟|基金|センター|グループ|団体|会社|研究会|連合|学会|機関|事務局|本部|チーム)$/.test(s)) return ['organization'];
  // 声明は…と強調した, 報告書によると: a document speaks for whoever issued it, the body or person named last.
  if (/^(?:声明|声明文|談話|報告書)$/.test(s)) return ['government', 'organization', 'person'];
  return null;
}

// ------------------------------------------------------------------------------------------ output

function finish(text: string, footnotes: readonly DraftFootnote[], byStart: Map<number, DraftFootnote>, d: Draft, i: number): Attribution {
  const found = text.slice(d.content.start, d.content.end).match(HEDGES);
  const hedges = found ? [...new Set(found)] : [];
  const base = d.mention === 'explicit' ? 0.9 : d.mention === 'elided' ? 0.75 : 0.6;
  const groupPenalty = d.speaker.people.some((p) => p.type === 'group') ? 0.1 : 0;
  assertSpan(text, d.content, 'content');
  if (d.cue) assertSpan(text, d.cue, 'cue');
  return {
    id: `a${i + 1}`,
    speakers: d.speaker.people.map((p) => p.id),
    via: d.via.map((p) => p.id),
    kind: d.kind,
    // (Spans written out, not spread: spreading an object is slow in V8.)
    cue: d.cue ? { start: d.cue.start, end: d.cue.end, text: '' } : null,
    content: { start: d.content.start, end: d.content.end, text: '' },
    source: d.speaker.source && d.mention === 'explicit' ? { start: d.speaker.source.start, end: d.speaker.source.end, text: '' } : null,
    footnotes: claimFootnotes(text, footnotes, byStart, d.content, d.cue),
    mention: d.mention,
    hedges,
    confidence: Math.round((base - groupPenalty) * 100) / 100,
    evidence: [{ rule: `ja:${d.rule}`, span: d.cue ?? undefined, note: d.tokens }],
    provenance: 'machine',
    page: null,
  };
}

function assertSpan(text: string, s: Span, what: string): void {
  if (!(s.start >= 0 && s.end <= text.length && s.start <= s.end)) throw new RangeError(`${what} span [${s.start}, ${s.end}) is outside the text`);
}

export { PERSON_POSTS };
