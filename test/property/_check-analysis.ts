/**
 * The validator run on every analysis the tests make (STYLE: "a validator run on every output"): the
 * schema, every span in range of the ORIGINAL text, every quote equal to its slice, blocks in order and
 * apart, the sentences of each block tiling it. Throws an AssertionError naming the first broken rule.
 */
import assert from 'node:assert/strict';
import { analysisSchema, type Analysis } from '../../src/core/model/schema.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';

interface SpanLike { start: number; end: number }

export function checkSpan(span: SpanLike, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets [${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: [${span.start}, ${span.end}) inside a text of length ${length}`);
}

export function checkQuote(span: SpanLike & { text: string }, text: string, what: string): void {
  checkSpan(span, text.length, what);
  assert.equal(span.text, text.slice(span.start, span.end), `${what}: text equals text.slice(start, end)`);
}

/** Every rule of the offset contract, on `a` made from `text`. */
export function checkAnalysis(a: Analysis, text: string): void {
  analysisSchema.parse(a);
  const n = text.length;
  assert.equal(a.source.length, n, 'source.length');

  // Blocks: in range, in order, apart, none empty.
  let lastEnd = 0;
  a.blocks.forEach((b, i) => {
    checkSpan(b, n, `blocks[${i}]`);
    assert.ok(b.start < b.end, `blocks[${i}] is not empty`);
    assert.ok(b.start >= lastEnd, `blocks[${i}] starts at ${b.start}, after the previous block's end ${lastEnd}`);
    lastEnd = b.end;
    if (b.section !== null) assert.ok(b.section >= 0 && b.section < a.sections.length, `blocks[${i}].section`);
  });

  a.sections.forEach((s, i) => {
    checkSpan({ start: s.start, end: s.headingEnd }, n, `sections[${i}] heading`);
    checkSpan({ start: s.start, end: s.end }, n, `sections[${i}]`);
    assert.ok(s.headingEnd <= s.end || s.end === s.headingEnd, `sections[${i}]: heading inside the section`);
    assert.ok(text.slice(s.start, s.headingEnd).includes(s.heading), `sections[${i}].heading ${JSON.stringify(s.heading)} is in its line`);
    if (s.parent !== null) assert.ok(s.parent < i && a.sections[s.parent]!.level < s.level, `sections[${i}].parent`);
  });

  // Sentences: in range, in order, inside their block; the sentences of a block tile it from the first one's
  // start: joined with the white space between them, they give back the rest of the block.
  let lastSentenceEnd = 0;
  const byBlock = new Map<number, SpanLike[]>();
  a.sentences.forEach((s, i) => {
    checkSpan(s, n, `sentences[${i}]`);
    assert.ok(s.start < s.end, `sentences[${i}] is not empty`);
    assert.ok(s.start >= lastSentenceEnd, `sentences[${i}] in order`);
    lastSentenceEnd = s.end;
    const block = a.blocks[s.block];
    assert.ok(block, `sentences[${i}].block ${s.block} exists`);
    assert.ok(s.start >= block.start && s.end <= block.end, `sentences[${i}] inside its block`);
    byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), s]);
  });
  for (const [index, sentences] of byBlock) {
    const block = a.blocks[index]!;
    let at = sentences[0]!.start;
    for (const s of sentences) {
      assert.match(text.slice(at, s.start), /^\s*$/, `only white space between the sentences of block ${index}`);
      at = s.end;
    }
    assert.match(text.slice(at, block.end), /^\s*$/, `the sentences of block ${index} reach its end`);
  }

  a.footnotes.forEach((f, i) => {
    checkSpan(f, n, `footnotes[${i}]`);
    assert.ok(f.start < f.end, `footnotes[${i}] is not empty`);
    // The marker's digits (after normalisation: ¹ → 1, １ → 1) are its number.
    const digits = normalizeText(text.slice(f.start, f.end)).text.replace(/\D/g, '');
    assert.equal(Number(digits), f.n, `footnotes[${i}]: the marker ${JSON.stringify(text.slice(f.start, f.end))} is number ${f.n}`);
    if (f.sentence !== null) assert.ok(a.sentences[f.sentence], `footnotes[${i}].sentence exists`);
    if (f.note) checkQuote(f.note, text, `footnotes[${i}].note`);
  });

  a.people.forEach((p, i) => p.mentions.forEach((m, k) => checkQuote(m, text, `people[${i}].mentions[${k}]`)));
  const ids = new Set(a.people.map((p) => p.id));
  a.attributions.forEach((x, i) => {
    checkQuote(x.content, text, `attributions[${i}].content`);
    if (x.cue) checkQuote(x.cue, text, `attributions[${i}].cue`);
    if (x.source) checkQuote(x.source, text, `attributions[${i}].source`);
    x.evidence.forEach((e, k) => e.span && checkSpan(e.span, n, `attributions[${i}].evidence[${k}]`));
    for (const id of [...x.speakers, ...x.via]) assert.ok(ids.has(id), `attributions[${i}]: speaker ${id} is a known person`);
  });
  a.unattributed.forEach((u, i) => {
    checkQuote(u.content, text, `unattributed[${i}].content`);
    if (u.cue) checkQuote(u.cue, text, `unattributed[${i}].cue`);
  });
  a.dates.forEach((d, i) => {
    checkQuote(d, text, `dates[${i}]`);
    assert.match(d.value, /^\d{4}(-\d{2}(-\d{2})?)?$/, `dates[${i}].value`);
  });
  a.glossary.forEach((g, i) => {
    checkSpan(g.termSpan, n, `glossary[${i}].termSpan`);
    checkSpan(g.glossSpan, n, `glossary[${i}].glossSpan`);
    // Terms are given normalised; their spans point at what they were normalised from (whole normalisation
    // groups: 株 alone comes from all of ㈱, which normalises to (株)).
    for (const [span, value, what] of [[g.termSpan, g.term, 'term'], [g.glossSpan, g.gloss, 'gloss']] as const) {
      const normalised = normalizeText(text.slice(span.start, span.end)).text;
      assert.ok(normalised.includes(value), `glossary[${i}].${what} ${JSON.stringify(value)} is what ${JSON.stringify(normalised)} normalises to`);
    }
  });
  a.messages.forEach((m, i) => m.place && checkSpan(m.place, n, `messages[${i}].place`));
}
