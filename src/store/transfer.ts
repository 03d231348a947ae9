/**
 * The corpus exchange format: everything a corpus holds that is not derived (documents with their text and
 * analysis, identities with every name form, which document person is which identity, proposals, the
 * decision log, corrections, the ref counters), so that a corpus moves between SQLite and PostgreSQL
 * without loss. Derived rows (claims, dates, search index) are rebuilt on import.
 *
 * JSON lines, one record a line, in an order an importer can stream: header, counters, identities,
 * proposals, decisions, corrections, then documents (which refer to all of the above). A file ending in
 * .json holds the same records as one object instead: { header, counters, identities: […], … }.
 */
import { z } from 'zod';
import { RATINGS } from '../core/ach/ach.ts';
import { analysisSchema } from '../core/model/schema.ts';

export const TRANSFER_FORMAT = 'mikata-corpus';
/**
 * 2: documents say which newer version supersedes them (`supersededBy`); 3: the corpus codebook and the
 * coding decisions; 4: the ACH matrices; 5: source grades and the corpus caveat list. Older files read as before.
 */
export const TRANSFER_VERSION = 5;

const formSchema = z.object({ form: z.string(), key: z.string(), script: z.enum(['katakana', 'latin', 'cyrillic', 'kanji', 'hiragana', 'other']) });

/** Who made an analyst's record (a correction, a coding decision, a grade), why, and when. */
const madeBy = { by: z.string(), why: z.string().nullable(), at: z.string() };
/** Whether an analyst's record still finds its place in its document's text, and if not, why. */
const anchoring = { anchored: z.boolean().nullable(), problem: z.string().nullable() };
/** The tail of a decision the analyst can withdraw (a correction, a coding decision). */
const decisionTail = { ...madeBy, status: z.enum(['active', 'withdrawn']), ...anchoring };

export const headerRecord = z.object({
  record: z.literal('header'),
  format: z.literal(TRANSFER_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  counts: z.object({ documents: z.number().int(), identities: z.number().int(), corrections: z.number().int() }),
});

export const countersRecord = z.object({
  record: z.literal('counters'), nextIdentity: z.number().int(), nextCorrection: z.number().int(), nextCodeDecision: z.number().int().optional(),
  nextAchMatrix: z.number().int().optional(), nextGrade: z.number().int().optional(),
});

/** One grading record (store.ts GradeRecord): a source's reliability by identity ref, or a claim's credibility by quote. */
export const gradeRecord = z.object({
  record: z.literal('grade'),
  ref: z.string().regex(/^g\d+$/),
  kind: z.enum(['reliability', 'credibility']),
  identity: z.string().nullable(),
  docHash: z.string().nullable(),
  target: z.unknown(),
  claim: z.string().nullable(),
  value: z.enum(['A', 'B', 'C', 'D', 'E', 'F', '1', '2', '3', '4', '5', '6']).nullable(),
  ...madeBy,
  ...anchoring,
}).refine((g) => g.value === null || (g.kind === 'reliability') === /^[A-F]$/.test(g.value), { message: 'a reliability grade is A–F, a credibility grade 1–6' });

/** The corpus caveat list, when one was loaded (checked by caveatListSchema on import). */
export const caveatsRecord = z.object({ record: z.literal('caveats'), caveats: z.unknown() });

/** One ACH matrix with everything in it, by refs (h1, ev1); evidence from a claim names its document by hash. */
export const achMatrixRecord = z.object({
  record: z.literal('ach-matrix'),
  ref: z.string().regex(/^m\d+$/),
  title: z.string(),
  by: z.string(),
  at: z.string(),
  hypotheses: z.array(z.object({ ref: z.string().regex(/^h\d+$/), label: z.string(), position: z.number().int() })),
  evidence: z.array(z.object({
    ref: z.string().regex(/^ev\d+$/), kind: z.enum(['claim', 'text']), docHash: z.string().nullable(), claim: z.string().nullable(), text: z.string(),
    speaker: z.string().nullable(), weight: z.number().finite().min(0), position: z.number().int(),
  })),
  ratings: z.array(z.object({ evidence: z.string(), hypothesis: z.string(), rating: z.enum(RATINGS), by: z.string(), at: z.string() })),
});

/** The corpus codebook, when one was loaded (checked by codebookSchema on import). */
export const codebookRecord = z.object({ record: z.literal('codebook'), codebook: z.unknown() });

export const codeDecisionRecord = z.object({
  record: z.literal('code-decision'),
  ref: z.string(),
  docHash: z.string(),
  action: z.enum(['accept', 'reject', 'add']),
  code: z.string(),
  target: z.unknown(),
  ...decisionTail,
});

export const identityRecord = z.object({
  record: z.literal('identity'),
  ref: z.string(),
  name: z.string(),
  type: z.enum(['person', 'group', 'government', 'organization', 'media']),
  organization: z.string().nullable(),
  origin: z.enum(['machine', 'analyst']),
  createdAt: z.string(),
  mergedInto: z.string().nullable(),
  forms: z.array(formSchema),
});

export const proposalRecord = z.object({
  record: z.literal('proposal'),
  a: z.string(),
  b: z.string(),
  status: z.enum(['pending', 'merged', 'dismissed']),
  score: z.number(),
  evidence: z.array(z.string()),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  why: z.string().nullable(),
});

export const decisionRecord = z.object({
  record: z.literal('decision'),
  kind: z.enum(['merge', 'split', 'dismiss', 'reopen', 'link', 'withdraw']),
  a: z.string(),
  b: z.string().nullable(),
  forms: z.array(z.string()),
  by: z.string(),
  why: z.string().nullable(),
  at: z.string(),
});

export const correctionRecord = z.object({
  record: z.literal('correction'),
  ref: z.string(),
  docHash: z.string(),
  action: z.enum(['accept', 'reject', 'edit', 'add', 'metadata']),
  target: z.unknown(),
  change: z.unknown(),
  ...decisionTail,
});

export const documentRecord = z.object({
  record: z.literal('document'),
  ref: z.string(),
  hash: z.string(),
  name: z.string().nullable(),
  format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']),
  encoding: z.string().nullable(),
  hints: z.unknown(),
  text: z.string(),
  analysis: analysisSchema,
  addedAt: z.string(),
  analyzedAt: z.string(),
  /** Document person id → identity ref. */
  links: z.record(z.string(), z.string()),
  /** The ref of the newer version of this document (exported after it); null or absent: current. */
  supersededBy: z.string().nullable().optional(),
});

export const transferRecord = z.discriminatedUnion('record', [
  headerRecord, countersRecord, codebookRecord, caveatsRecord, identityRecord, proposalRecord, decisionRecord, correctionRecord, codeDecisionRecord, gradeRecord,
  achMatrixRecord, documentRecord,
]);

export type TransferRecord = z.infer<typeof transferRecord>;
export type IdentityLine = z.infer<typeof identityRecord>;
export type DocumentLine = z.infer<typeof documentRecord>;
export type AchMatrixLine = z.infer<typeof achMatrixRecord>;

/** Where a record came from, for error messages. */
export interface Located {
  readonly record: TransferRecord;
  readonly where: string;
}

/** Problems in an export file: which line (or which entry), what is wrong. */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}

/** Validates one parsed record, naming where it came from when it is wrong. */
export function checkRecord(value: unknown, where: string): TransferRecord {
  const r = transferRecord.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new TransferError(`${where}: not a mikata corpus record${path}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** Reads JSON lines from chunks of text (a file stream), yielding checked records. */
export async function* readJsonLines(chunks: AsyncIterable<string | Buffer>, name: string): AsyncGenerator<Located> {
  let rest = '';
  let line = 0;
  const parseLine = (text: string): Located | null => {
    line++;
    if (!text.trim()) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new TransferError(`${name}:${line}: not JSON (${(e as Error).message})`);
    }
    return { record: checkRecord(value, `${name}:${line}`), where: `${name}:${line}` };
  };
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      const r = parseLine(rest.slice(0, nl));
      if (r) yield r;
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  const r = parseLine(rest);
  if (r) yield r;
}

const SECTIONS = [
  ['identities', 'identity'],
  ['proposals', 'proposal'],
  ['decisions', 'decision'],
  ['corrections', 'correction'],
  ['codeDecisions', 'code-decision'],
  ['grades', 'grade'],
  ['achMatrices', 'ach-matrix'],
  ['documents', 'document'],
] as const;

/** The records of a one-object export, in streaming order. */
export function* fromSingleJson(value: unknown, name: string): Generator<Located> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TransferError(`${name}: not a mikata corpus export (expected an object)`);
  const o = value as Record<string, unknown>;
  yield { record: checkRecord({ ...(o.header as object), record: 'header' }, `${name}: header`), where: `${name}: header` };
  if (o.counters) yield { record: checkRecord({ ...(o.counters as object), record: 'counters' }, `${name}: counters`), where: `${name}: counters` };
  if (o.codebook) yield { record: checkRecord({ ...(o.codebook as object), record: 'codebook' }, `${name}: codebook`), where: `${name}: codebook` };
  if (o.caveats) yield { record: checkRecord({ ...(o.caveats as object), record: 'caveats' }, `${name}: caveats`), where: `${name}: caveats` };
  for (const [key, record] of SECTIONS) {
    const list = o[key] ?? [];
    if (!Array.isArray(list)) throw new TransferError(`${name}: ${key} must be a list`);
    for (const [i, item] of list.entries()) {
      const where = `${name}: ${key}[${i}]`;
      yield { record: checkRecord({ ...(item as object), record }, where), where };
    }
  }
}

/**
 * Writes records in the one-object form as they come, a record at a time: the export of a large corpus is
 * never one string. Records must come in streaming order (header, counters, then each section in turn),
 * which is the order `Corpus.export` emits.
 */
export function createSingleJsonWriter(write: (chunk: string) => void | Promise<void>) {
  /** Index into SECTIONS of the list being written; -1 before the first. */
  let section = -1;
  let first = true;
  let opened = false;
  const put = async (chunk: string) => {
    if (!opened) { await write('{'); opened = true; }
    await write(chunk);
  };
  const key = async (name: string) => {
    await put(`${first ? '' : ','}${JSON.stringify(name)}:`);
    first = false;
  };
  /** Closes the open list and writes the empty ones up to (not including) `to`. */
  const skipTo = async (to: number) => {
    if (section >= 0) await put(']');
    for (let i = section + 1; i < to; i++) { await key(SECTIONS[i]![0]); await put('[]'); }
  };
  return {
    async push(r: TransferRecord): Promise<void> {
      const { record, ...rest } = r;
      const json = JSON.stringify(rest);
      if (record === 'header' || record === 'counters' || record === 'codebook' || record === 'caveats') {
        if (section >= 0) throw new Error(`the ${record} record after the lists`);
        await key(record);
        await put(json);
        return;
      }
      const at = SECTIONS.findIndex(([, x]) => x === record);
      if (at < section) throw new Error(`a ${record} record after the ${SECTIONS[section]![0]} list`);
      if (at > section) {
        await skipTo(at);
        await key(SECTIONS[at]![0]);
        await put(`[${json}`);
        section = at;
        return;
      }
      await put(`,${json}`);
    },
    async end(): Promise<void> {
      await skipTo(SECTIONS.length);
      section = SECTIONS.length;
      await put('}\n');
    },
  };
}

/** Groups records into the one-object form (for writing .json). */
export function toSingleJson(records: readonly TransferRecord[]): Record<string, unknown> {
  const lists: Record<string, unknown[]> = { identities: [], proposals: [], decisions: [], corrections: [], codeDecisions: [], grades: [], documents: [] };
  const out: Record<string, unknown> = {};
  for (const r of records) {
    const { record, ...rest } = r;
    if (record === 'header' || record === 'counters' || record === 'codebook' || record === 'caveats') out[record] = rest;
    else lists[SECTIONS.find(([, x]) => x === record)![0]]!.push(rest);
  }
  return { ...out, ...lists };
}
