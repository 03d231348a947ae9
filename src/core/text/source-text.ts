/**
 * SourceText: the decoded document, byte-for-byte the text a user sees. Every offset anywhere in mikata
 * points into `text`. Ingest adapters (plain text, Markdown, HTML, PDF, Word) make it; the pure core reads it.
 */
import type { Span } from './span.ts';
import type { SourceFormat } from '../model/schema.ts';

/** A layout hint from an adapter that knows more than the bare text shows (an HTML <h2>, a PDF superscript). */
export interface BlockHint extends Span {
  readonly kind: 'heading' | 'paragraph' | 'list-item' | 'title';
  /** Heading level, 1 = top. */
  readonly level?: number;
}

export interface FootnoteHint extends Span {
  /** The marker number as written. */
  readonly n: number;
  /** Where the note's own text stands in `text`, when the adapter found it. */
  readonly note?: Span;
}

export interface PageHint extends Span {
  /** Page number, 1-based. */
  readonly page: number;
}

export interface SourceText {
  readonly text: string;
  readonly format: SourceFormat;
  /** The encoding the bytes were decoded from (utf-8, utf-16le, shift_jis, euc-jp …), when decoded from bytes. */
  readonly encoding?: string;
  /** Where the text came from, for messages (a path, `-`, or a name given by the caller). */
  readonly name?: string;
  readonly hints?: {
    readonly blocks?: readonly BlockHint[];
    readonly footnotes?: readonly FootnoteHint[];
    readonly pages?: readonly PageHint[];
  };
}
