/**
 * The analysis as JSON, validated against the versioned schema, produced in chunks: one top-level field, or
 * one array element, at a time. A 50 MB document's analysis can exceed the longest string V8 will build, so
 * the CLI writes the chunks as they come; `renderAnalysisJson` joins them for small uses.
 */
import { z } from 'zod';
import { analysisSchema, type Analysis } from '../core/model/schema.ts';

export function* analysisJsonChunks(analysis: Analysis): Generator<string> {
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
      yield '[';
      for (let i = 0; i < value.length; i++) yield `${i ? ',' : ''}\n  ${JSON.stringify(element.parse(value[i]))}`;
      yield value.length ? '\n ]' : ']';
    } else {
      yield JSON.stringify(schema.parse(value));
    }
  }
  yield '\n}\n';
}

export function renderAnalysisJson(analysis: Analysis): string {
  return [...analysisJsonChunks(analysis)].join('');
}
