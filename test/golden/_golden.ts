/**
 * The golden cases: whole documents the project wrote, each read the way the CLI reads it (ingest, then
 * analyze) and compared with its expected.json. Shared by golden.test.ts, which compares, and
 * scripts/regenerate-fixtures.ts, which rewrites the expected files (the tests never do).
 *
 * expected.json holds the input's format and encoding and the WHOLE analysis (nothing in it is volatile: the
 * core reads no clock and no randomness), with one addition for reviewers: blocks, sentences and footnote
 * markers carry the `text` they cover, so that a diff shows words, not only offsets.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/model/schema.ts';
import { readSourceFile } from '../../src/ingest/read-source.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface GoldenCase {
  readonly name: string;
  readonly what: string;
  /** The input, from the project root. */
  readonly input: string;
  /** Its expected.json, from the project root. */
  readonly expected: string;
}

const fixture = (name: string, input: string, what: string): GoldenCase => ({
  name, what, input: relative(ROOT, join(FIXTURES, name, input)), expected: relative(ROOT, join(FIXTURES, name, 'expected.json')),
});

export const CASES: readonly GoldenCase[] = [
  fixture('ja-commentary', 'input.txt', 'a Japanese commentary in the NIDS-like layout: title line, bulleted byline, two heading levels, bare markers among numbers, 注 and プロフィール'),
  fixture('ja-markdown', 'input.md', 'the same commentary as Markdown: # headings, [^n] markers and [^n]: definitions'),
  fixture('en-commentary', 'input.txt', 'an English commentary: "Series No. N | date | Title" line, By-line, wrapped paragraphs, markers after the stop, Notes'),
  fixture('ja-crlf-fullwidth', 'input.txt', 'a Japanese commentary with CRLF line ends, full-width digits and ideographic spaces'),
  fixture('en-html', 'input.html', 'an English brief as HTML: headings from <h1>/<h2>, <sup> markers, a notes list; script and style ignored'),
  {
    name: 'sample-commentary',
    what: 'the sample the README analyses (read from examples/, not copied)',
    input: 'examples/sample-commentary.txt',
    expected: relative(ROOT, join(FIXTURES, 'sample-commentary', 'expected.json')),
  },
];

export interface Golden {
  input: { format: string; encoding: string | null };
  analysis: Omit<Analysis, 'blocks' | 'sentences' | 'footnotes'> & {
    blocks: (Analysis['blocks'][number] & { text: string })[];
    sentences: (Analysis['sentences'][number] & { text: string })[];
    footnotes: (Analysis['footnotes'][number] & { text: string })[];
  };
}

/** Reads and analyses one case, checks the offset contract on the result, and returns its golden form. */
export async function goldenOf(c: GoldenCase): Promise<Golden> {
  const source = await readSourceFile(join(ROOT, c.input));
  const analysis = analyze(source);
  checkAnalysis(analysis, source.text);
  const text = source.text;
  const golden: Golden = {
    input: { format: source.format, encoding: source.encoding ?? null },
    analysis: {
      ...analysis,
      blocks: analysis.blocks.map((b) => ({ ...b, text: text.slice(b.start, b.end) })),
      sentences: analysis.sentences.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
      footnotes: analysis.footnotes.map((f) => ({ ...f, text: text.slice(f.start, f.end) })),
    },
  };
  // What JSON keeps, so that comparing with a parsed file compares like with like.
  return JSON.parse(JSON.stringify(golden)) as Golden;
}

export function serialize(golden: Golden): string {
  return `${JSON.stringify(golden, null, 1)}\n`;
}

export async function readExpected(c: GoldenCase): Promise<Golden | undefined> {
  try {
    return JSON.parse(await readFile(join(ROOT, c.expected), 'utf8')) as Golden;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
