/**
 * The analysis as JSON, validated against the versioned schema, produced in chunks: one top-level field, or
 * one array element, at a time. A 50 MB document's analysis can exceed the longest string V8 will build, so
 * the CLI writes the chunks as they come; `renderAnalysisJson` joins them for small uses.
 *
 * Every field is validated, and so are the first VALIDATED_ELEMENTS elements of each list; the rest of a
 * longer list were built by the same code and are written as they are. Validating every element (a copy
 * of each object by the schema) took half the time of writing a large analysis; the test suite validates
 * whole analyses, and each element here is written as built, never as the schema's copy, so the first and
 * the last look alike.
 */
import { z } from 'zod';
import { analysisSchema, type Analysis, type Attribution } from '../core/model/schema.ts';
import type { AnalysisInParts } from '../core/analyze.ts';

const VALIDATED_ELEMENTS = 1000;

export interface AnalysisJsonOptions {
  /**
   * Each attribution's `codes`, added as it is written: a large analysis is then never copied whole to
   * code it, and each claim's codes are garbage as soon as they are out.
   */
  codes?: (a: Attribution) => NonNullable<Attribution['codes']>;
}

/**
 * The order of the fields: the schema's, except that `people` follows `attributions`. A long document's claims
 * are written as they are found (`analyzeInParts`), and who is in the people list is known only after them.
 */
const FIELDS: readonly string[] = (() => {
  const keys = Object.keys(analysisSchema.shape).filter((k) => k !== 'people');
  keys.splice(keys.indexOf('attributions') + 1, 0, 'people');
  return keys;
})();

/** A whole analysis, or one in parts: its head, then its claims part by part, then the rest. */
export function* analysisJsonChunks(analysis: Analysis | AnalysisInParts, options: AnalysisJsonOptions = {}): Generator<string> {
  const shape = analysisSchema.shape as Record<string, z.ZodType>;
  const inParts = 'claims' in analysis && 'head' in analysis;
  let record = (inParts ? analysis.head : analysis) as unknown as Record<string, unknown>;
  yield '{';
  let first = true;
  for (const key of FIELDS) {
    const schema = shape[key]!;
    yield `${first ? '' : ','}\n ${JSON.stringify(key)}: `;
    first = false;
    if (key === 'attributions') {
      const element = (schema as z.ZodArray<z.ZodType>).element;
      let n = 0;
      yield '[';
      // Each claim in pieces (separator, JSON, codes), not joined: a writer encodes each piece as it comes, and a
      // joined claim was one more copy of every claim's text.
      const write = function* (list: readonly Attribution[]): Generator<string> {
        for (const item of list) {
          const check = n < VALIDATED_ELEMENTS ? element : null;
          yield n++ ? ',\n  ' : '\n  ';
          if (options.codes) yield* withCodes(item, options.codes(item), check);
          else yield JSON.stringify(check ? (check.parse(item), item) : item);
        }
      };
      if (inParts) {
        for (;;) {
          const part = analysis.claims.next();
          if (part.done) {
            record = { ...record, ...part.value };
            break;
          }
          yield* write(part.value);
        }
      } else {
        yield* write(analysis.attributions);
      }
      yield n ? '\n ]' : ']';
      continue;
    }
    const value = record[key];
    // Arrays (possibly wrapped in a default) are validated and written element by element.
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      const element = inner.element as z.ZodType;
      yield '[';
      for (let i = 0; i < value.length; i++) {
        if (i < VALIDATED_ELEMENTS) element.parse(value[i]);
        yield `${i ? ',' : ''}\n  ${JSON.stringify(value[i])}`;
      }
      yield value.length ? '\n ]' : ']';
    } else {
      yield JSON.stringify(schema.parse(value));
    }
  }
  yield '\n}\n';
}

/**
 * JSON.stringify({ ...a, codes }), validated by `schema` when given. A claim without codes yet (as `analyze`
 * leaves it) has them spliced in as its last field, which is where the spread puts them, without the copy.
 */
function* withCodes(a: Attribution, codes: NonNullable<Attribution['codes']>, schema: z.ZodType | null): Generator<string> {
  if (schema || Object.hasOwn(a, 'codes')) {
    const coded = { ...a, codes };
    schema?.parse(coded);
    yield JSON.stringify(coded);
    return;
  }
  yield JSON.stringify(a).slice(0, -1);
  yield codes.length ? `,"codes":${JSON.stringify(codes)}}` : ',"codes":[]}';
}

export function renderAnalysisJson(analysis: Analysis | AnalysisInParts, options: AnalysisJsonOptions = {}): string {
  return [...analysisJsonChunks(analysis, options)].join('');
}
