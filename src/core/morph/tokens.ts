/**
 * Japanese morphology as the extractors see it: a token is a word with its part of speech (IPADIC's four
 * levels), its conjugation and its base form, and a half-open span of UTF-16 indices into the text that was
 * tokenised. The analyser itself is passed in (see `JaTokenizer`), so the passes stay pure.
 */

export interface JaToken {
  /** The word as written: `text.slice(start, end)`. */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** 名詞, 動詞, 助詞, 助動詞, 記号 … */
  readonly pos: string;
  /** 固有名詞, 格助詞, サ変接続, 接尾 … ('*' when none). */
  readonly pos1: string;
  /** 人名, 組織, 地域, 引用, 連語 … */
  readonly pos2: string;
  /** 姓, 名, 国 … */
  readonly pos3: string;
  /** Dictionary form (述べ → 述べる); the surface for unknown words. */
  readonly base: string;
  /** 連用形, 基本形 … ('*' when none). */
  readonly conj: string;
  /** Whether the word is in the dictionary (unknown words are guessed from their characters). */
  readonly known: boolean;
}

export interface JaTokenizer {
  /**
   * Tokens tiling `text` from 0 to text.length, in order; with `offset`, their spans are moved by it (the
   * text is a slice starting there), so that a caller need not copy every token to move it.
   */
  tokenize(text: string, offset?: number): JaToken[];
}

/** A tokenizer that tokenises pieces of one text ahead, on another thread (see prefetch.ts); closed when done. */
export interface AheadTokenizer extends JaTokenizer {
  close(): void;
}
