/**
 * The analysis of one document: the JSON contract of `mikata analyze --format json`, of the library's
 * `analyze()`, and of what the store keeps. Versioned: bump SCHEMA_VERSION on any change a reader would notice.
 *
 * Every `start`/`end` pair is a half-open range of UTF-16 code units into the source text as decoded
 * (before normalisation); where a `text` stands beside it, `source.slice(start, end) === text`.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 2;

const offset = z.number().int().nonnegative();
export const spanSchema = z.object({ start: offset, end: offset });
export const quotedSpanSchema = spanSchema.extend({ text: z.string() });

export const messageSchema = z.object({
  /** What is wrong, for a person. */
  reason: z.string(),
  /** Which rule or pass noticed it. */
  ruleId: z.string(),
  /** Where, when it has a place. */
  place: spanSchema.optional(),
  /** A fatal message means the analysis could not be made (the rest of the result is empty). */
  fatal: z.boolean(),
});

export const authorSchema = z.object({
  name: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
});

export const documentSchema = z.object({
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  series: z.string().nullable(),
  number: z.string().nullable(),
  /** Publication date, YYYY-MM-DD (or YYYY-MM / YYYY when that is all the document gives). */
  date: z.string().nullable(),
  language: z.enum(['ja', 'en']),
  authors: z.array(authorSchema),
});

export const blockKinds = ['title', 'byline', 'heading', 'paragraph', 'list-item', 'trailer-heading', 'trailer', 'note'] as const;
export const blockSchema = spanSchema.extend({
  kind: z.enum(blockKinds),
  /** Index of the section the block belongs to, or null before the first heading. */
  section: z.number().int().nullable(),
});

export const sectionSchema = z.object({
  heading: z.string(),
  level: z.number().int().min(1),
  /** Where the heading line starts; `headingEnd` where it ends; `end` where the section ends. */
  start: offset,
  headingEnd: offset,
  end: offset,
  /** A trailing block of the document (Profile, 注, 参考文献) rather than part of the body. */
  trailer: z.boolean(),
  parent: z.number().int().nullable(),
});

export const sentenceSchema = spanSchema.extend({ block: z.number().int() });

export const footnoteSchema = z.object({
  n: z.number().int().positive(),
  start: offset,
  end: offset,
  /** How the marker is written: bare digits left by PDF extraction, a superscript, [n], (注n), ※n. */
  style: z.enum(['bare', 'superscript', 'bracket', 'note-word', 'asterisk', 'markdown']),
  /** The sentence the marker closes (index into `sentences`), or null. */
  sentence: z.number().int().nullable(),
  /** The note text from a notes list, when the document has one. */
  note: quotedSpanSchema.nullable(),
  /** The page the marker stands on, when the source had pages (PDF). */
  page: z.number().int().positive().nullable().default(null),
});

export const personTypes = ['person', 'group', 'government', 'organization', 'media'] as const;
export const personSchema = z.object({
  id: z.string(),
  type: z.enum(personTypes),
  role: z.enum(['speaker', 'author', 'mentioned']),
  name: z.string(),
  aliases: z.array(z.string()),
  latin: z.string().nullable(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  /** Every place the document names this person (full and short forms, pronouns resolved to them). */
  mentions: z.array(quotedSpanSchema),
});

export const evidenceSchema = z.object({ rule: z.string(), span: spanSchema.optional(), note: z.string().optional() });

export const attributionSchema = z.object({
  id: z.string(),
  speakers: z.array(z.string()),
  via: z.array(z.string()),
  kind: z.enum(['quote', 'reported', 'according_to']),
  cue: quotedSpanSchema.nullable(),
  content: quotedSpanSchema,
  /**
   * A content broken by its attribution or carried over sentences (“…,” she said, “…”): each piece, in text
   * order; `content` is then the outer span from the first piece's start to the last one's end. Absent when the
   * content is one piece. (Schema version 2.)
   */
  parts: z.array(quotedSpanSchema).optional(),
  /** The speaker's mention this attribution rests on (null when the subject is elided or carried over). */
  source: quotedSpanSchema.nullable(),
  footnotes: z.array(z.number().int()),
  mention: z.enum(['explicit', 'elided', 'context']),
  /** Hedges found in the content (可能性がある, かもしれない, だろう, おそらく, may, might …). */
  hedges: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  evidence: z.array(evidenceSchema),
  provenance: z.enum(['machine', 'analyst']),
  /** The page the content starts on, when the source had pages (PDF), so a claim can be cited as p. N. */
  page: z.number().int().positive().nullable().default(null),
  /**
   * Codebook codes of the claim (the CLI adds them with the default codebook or --codebook; `analyze`
   * itself, which knows no codebook, leaves them out), most confident first, each with the indicators that
   * matched as spans of the source text.
   */
  codes: z
    .array(
      z.object({
        code: z.string(),
        confidence: z.number().min(0).max(1),
        evidence: z.array(quotedSpanSchema.extend({ indicator: z.string(), kind: z.enum(['ja', 'en', 'pattern']) })),
      }),
    )
    .optional(),
});

export const unattributedSchema = z.object({
  content: quotedSpanSchema,
  cue: quotedSpanSchema.nullable(),
  footnotes: z.array(z.number().int()),
  reason: z.string(),
});

export const dateSchema = quotedSpanSchema.extend({
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  approx: z.boolean(),
});

export const glossarySchema = z.object({
  term: z.string(),
  gloss: z.string(),
  termSpan: spanSchema,
  glossSpan: spanSchema,
});

export const analysisSchema = z.object({
  /** Version 2 only added optional fields (an attribution's `parts`): a stored version 1 analysis still reads. */
  schemaVersion: z.union([z.literal(1), z.literal(SCHEMA_VERSION)]),
  source: z.object({
    length: offset,
    /** The input format the text came from. */
    format: z.enum(['text', 'markdown', 'html', 'pdf', 'docx']),
    /**
     * The decoded source text every offset points into, when the writer included it (`mikata analyze
     * --with-text`, the default for PDF and Word, whose text a reader cannot get without mikata).
     */
    text: z.string().optional(),
  }),
  document: documentSchema,
  blocks: z.array(blockSchema),
  sections: z.array(sectionSchema),
  sentences: z.array(sentenceSchema),
  footnotes: z.array(footnoteSchema),
  people: z.array(personSchema),
  attributions: z.array(attributionSchema),
  unattributed: z.array(unattributedSchema),
  dates: z.array(dateSchema),
  glossary: z.array(glossarySchema),
  /** Page spans of a paged source (PDF); empty otherwise. */
  pages: z.array(spanSchema.extend({ page: z.number().int().positive() })).default([]),
  messages: z.array(messageSchema),
});

export type Message = z.infer<typeof messageSchema>;
export type Author = z.infer<typeof authorSchema>;
export type DocumentInfo = z.infer<typeof documentSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockKind = Block['kind'];
export type Section = z.infer<typeof sectionSchema>;
export type Sentence = z.infer<typeof sentenceSchema>;
export type Footnote = z.infer<typeof footnoteSchema>;
export type Person = z.infer<typeof personSchema>;
export type PersonType = Person['type'];
export type Attribution = z.infer<typeof attributionSchema>;
export type Unattributed = z.infer<typeof unattributedSchema>;
export type DateMention = z.infer<typeof dateSchema>;
export type GlossaryEntry = z.infer<typeof glossarySchema>;
export type Analysis = z.infer<typeof analysisSchema>;
export type SourceFormat = Analysis['source']['format'];
