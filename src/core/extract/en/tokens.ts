/**
 * English tokens: words with their offsets, part of speech and lemma, from wink-nlp and its English lite model
 * (MIT; the model ships inside its npm package, so nothing is downloaded at run time). wink was chosen over
 * compromise by measuring: on US political news it tags about 20 times faster (≈ 460 KB/s against ≈ 25 KB/s
 * on this machine), which the 300 KB/s goal of the English path needs.
 *
 * The tagger is loaded once, lazily, the first time English is analysed (≈ 0.4 s, ≈ 30 MB): Japanese analyses
 * never pay for it. Loading reads the package's files, like any import; nothing else here touches the outside.
 */
import { createRequire } from 'node:module';

export interface Token {
  /** Half-open UTF-16 range into the text the tokens were made from. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased text. */
  readonly lower: string;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, PRON, DET, ADJ, ADV, ADP, SCONJ, CCONJ, PART, PUNCT, NUM, …). */
  readonly pos: string;
  /** Lower-cased base form (said → say). */
  readonly lemma: string;
}

interface WinkItems {
  out(what?: unknown): string[];
}
interface WinkDoc {
  tokens(): WinkItems;
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { pos: unknown; lemma: unknown };
}

let tagger: Wink | null = null;

/** The tagger, loaded on first use. */
export function loadTagger(): Wink {
  if (tagger) return tagger;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
  const model = require('wink-eng-lite-web-model') as unknown;
  // Sentence boundaries come from the project's own splitter; wink needs only part of speech (and its lemmas).
  tagger = winkNLP(model, ['pos']);
  return tagger;
}

/** Whether the tagger has been loaded in this process (for the benchmark's load figures). */
export function isTaggerLoaded(): boolean {
  return tagger !== null;
}

/**
 * Tokens of `text.slice(start, end)`, with offsets into `text`. wink keeps every character of its input, so
 * each token is found in order from where the previous one ended; a token that cannot be found (wink never
 * changes a token's text, but a check costs nothing) is dropped rather than given a wrong span.
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const nlp = loadTagger();
  const piece = text.slice(start, end);
  const items = nlp.readDoc(piece).tokens();
  const words = items.out();
  const tags = items.out(nlp.its.pos);
  const lemmas = items.out(nlp.its.lemma);
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // Line breaks inside a paragraph (hard-wrapped text) come as SPACE tokens: they are no words.
    if (tags[i] === 'SPACE' || !w.trim()) continue;
    const found = piece.startsWith(w, at) ? at : piece.indexOf(w, at);
    if (found < 0 || found - at > 64) continue;
    const s = start + found;
    const e = s + w.length;
    if (text.slice(s, e) !== w) throw new RangeError(`token [${s}, ${e}) does not match its text`);
    out.push({ start: s, end: e, text: w, lower: w.toLowerCase(), pos: tags[i] ?? 'X', lemma: (lemmas[i] ?? w).toLowerCase() });
    at = found + w.length;
  }
  return out;
}
