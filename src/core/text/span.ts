/**
 * Spans: half-open ranges `[start, end)` of UTF-16 code units (JavaScript string indices) into one text.
 * `end` is the first code unit after the span. Every span that leaves the core points into the ORIGINAL
 * source text, never into a normalised copy.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span with the text it covers, checked against the text when it is made. */
export interface QuotedSpan extends Span {
  readonly text: string;
}

/** Throws (programmer misuse) when `span` is not a valid half-open range into a text of `length`. */
export function assertSpan(span: Span, length: number, what = 'span'): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`${what} [${start}, ${end}) is not a valid range into a text of length ${length}`);
  }
}

/** Makes a span into `text`, checking the invariant `0 <= start <= end <= text.length`. */
export function createSpan(text: string, start: number, end: number): Span {
  const span = { start, end };
  assertSpan(span, text.length);
  return span;
}

/** Makes a span with its quote; `text.slice(start, end) === quote` holds by construction. */
export function createQuotedSpan(text: string, start: number, end: number): QuotedSpan {
  assertSpan({ start, end }, text.length);
  return { start, end, text: text.slice(start, end) };
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function isInside(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Shrinks a span so that it neither starts nor ends with white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
