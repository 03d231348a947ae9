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

const VALIDATED_ELEMENTS = 1000;

export interface AnalysisJsonOptions {
  /**
   * Each attribution's `codes`, added as it is written: a large analysis is then never copied whole to
   * code it, and each claim's codes are garbage as soon as they are out.
   */
  codes?: (a: Attribution) => NonNullable<Attribution['codes']>;
}

export function* analysisJsonChunks(analysis: Analysis, options: AnalysisJsonOptions = {}): Generator<string> {
  const shape = analysisSchema.shape as Record<string, z.ZodType>;
  const record = analysis as unknown as Record<string, unknown>;
  yield '{';
  let first = true;
  for (const key of Object.keys(shape)) {
    const schema = shape[key]!;
    const value = record[key];
    yield `${first ? '' : ','}\n ${JSON.stringify(key)}: `;
    first = false;
    // Arrays (possibly wrapped in a default) are validated and written element by element.
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      const element = inner.element as z.ZodType;
      const codes = key === 'attributions' ? options.codes : undefined;
      yield '[';
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        const json = codes ? withCodes(item as Attribution, codes(item as Attribution), i < VALIDATED_ELEMENTS ? element : null) : JSON.stringify(item);
        if (!codes && i < VALIDATED_ELEMENTS) element.parse(item);
        yield `${i ? ',' : ''}\n  ${json}`;
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
function withCodes(a: Attribution, codes: NonNullable<Attribution['codes']>, schema: z.ZodType | null): string {
  if (schema || Object.hasOwn(a, 'codes')) {
    const coded = { ...a, codes };
    schema?.parse(coded);
    return JSON.stringify(coded);
  }
  return `${JSON.stringify(a).slice(0, -1)},"codes":${JSON.stringify(codes)}}`;
}

export function renderAnalysisJson(analysis: Analysis, options: AnalysisJsonOptions = {}): string {
  return [...analysisJsonChunks(analysis, options)].join('');
}
