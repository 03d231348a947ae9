/**
 * `mikata correct`: the analyst's corrections to who-said-what, stored apart from machine output and
 * re-applied after every analysis.
 *
 *   mikata correct list DOC                      attributions as they stand, machine or analyst
 *   mikata correct accept DOC a3                 confirm one
 *   mikata correct reject DOC a3                 strike one out
 *   mikata correct edit DOC a3 --speaker NAME --span 120:164 --kind quote
 *   mikata correct add DOC --speaker NAME --content "…" [--kind reported]
 *   mikata correct history [DOC]                 corrections with who, when, why, and whether they anchor
 *   mikata correct withdraw c7                   stop applying one (kept in the record)
 */
import type { DocumentMetadata } from '../../store/metadata.ts';
import { Option, type Command } from 'commander';
import { attributionKinds, type AttributionKind, type EffectiveAttribution } from '../../store/corrections.ts';
import type { CorrectInput, CorrectionView } from '../../store/corpus.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, emphasis, oneLine, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export interface CorrectCommandOptions extends CorpusCommandOptions {
  by?: string;
  why?: string;
  speaker?: string[];
  span?: string;
  content?: string;
  occurrence?: string;
  kind?: AttributionKind;
  quote?: string;
  rejected?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseSpan(value: string | undefined): { start: number; end: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\s*[:,-]\s*(\d+)$/.exec(value.trim());
  if (!m) throw new CLIError('E_USAGE', `--span must be START:END (UTF-16 offsets, as mikata correct list shows them), not ${JSON.stringify(value)}`);
  return { start: Number(m[1]), end: Number(m[2]) };
}

function showAttribution(a: EffectiveAttribution, io: CommandIO): string {
  const e = emphasis(io);
  const who = a.speakers.map((s) => `${s.name}${s.identity ? ` (${s.identity})` : ''}`).join(', ') || '(no speaker)';
  const via = a.via.length ? ` via ${a.via.map((s) => s.name).join(', ')}` : '';
  const state = a.review ? ` ${a.review}` : '';
  const head = `${e.strong(a.id.padEnd(5))} ${who}${via}  ${e.dim(`[${a.provenance}${state}; ${a.kind}${a.cue ? `; cue ${oneLine(a.cue.text)}` : ''}] ${a.content.start}:${a.content.end}`)}`;
  return `${head}\n      «${clip(a.content.text, 120)}»${a.corrections.length ? e.dim(`  corrections ${a.corrections.join(', ')}`) : ''}\n`;
}

function showCorrection(c: CorrectionView, io: CommandIO): string {
  const e = emphasis(io);
  const state = c.status === 'withdrawn' ? 'withdrawn' : c.anchored === false ? `DOES NOT ANCHOR: ${c.problem ?? ''}` : c.anchored ? 'applied' : 'not applied yet';
  const change = [
    c.change.speakers ? `speakers → ${c.change.speakers.map((s) => s.name).join(', ')}` : '',
    c.change.kind ? `kind → ${c.change.kind}` : '',
    c.change.content && c.action === 'edit' ? `content → «${clip(c.change.content.exact, 50)}»` : '',
  ].filter(Boolean).join('; ');
  return `${e.strong(c.id.padEnd(5))} ${c.action.padEnd(6)} ${c.document}  «${clip(c.quote, 60)}»${change ? `  ${change}` : ''}\n      ${e.dim(`${c.at} by ${c.by}${c.why ? ` — ${c.why}` : ''}`)}  ${state}\n`;
}

async function runList(doc: string, options: CorrectCommandOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const list = await corpus.attributions(doc, { includeRejected: options.rejected });
    if (options.format === 'json') return writeJson(io, { attributions: list });
    if (list.length === 0) io.stdout('no attributions in this document\n');
    for (const a of list) io.stdout(showAttribution(a, io));
  });
}

async function runCorrection(action: CorrectInput['action'], doc: string, attribution: string | undefined, options: CorrectCommandOptions, io: CommandIO): Promise<void> {
  const by = whoIs(options.by, io);
  if (action !== 'add' && !attribution && !options.quote) throw new CLIError('E_USAGE', `say which attribution to ${action}: its id (see mikata correct list ${doc}) or --quote TEXT`);
  const occurrence = options.occurrence === undefined ? undefined : Number(options.occurrence);
  if (occurrence !== undefined && (!Number.isInteger(occurrence) || occurrence < 1)) throw new CLIError('E_USAGE', '--occurrence must be 1 or more');
  if (options.span && options.content) throw new CLIError('E_USAGE', 'give the content either as --span or as --content, not both');
  await withCorpus(options, io, {}, async (corpus) => {
    const result = await corpus.correct({
      document: doc,
      action,
      attribution,
      quote: options.quote,
      speakers: options.speaker,
      span: parseSpan(options.span),
      contentQuote: options.content,
      occurrence,
      kind: options.kind,
      by,
      why: options.why,
    });
    if (options.format === 'json') return writeJson(io, result);
    io.stdout(`recorded ${result.correction.id} (${action}) on ${result.correction.document}\n`);
    if (result.attribution) io.stdout(showAttribution(result.attribution, io));
  });
}

async function runHistory(doc: string | undefined, options: CorrectCommandOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const list = await corpus.corrections(doc);
    if (options.format === 'json') return writeJson(io, { corrections: list });
    if (list.length === 0) io.stdout('no corrections\n');
    for (const c of list) io.stdout(showCorrection(c, io));
  });
}

async function runWithdraw(ref: string, options: CorrectCommandOptions, io: CommandIO): Promise<void> {
  const by = whoIs(options.by, io);
  await withCorpus(options, io, {}, async (corpus) => {
    const view = await corpus.withdraw(ref, { by, why: options.why });
    if (options.format === 'json') return writeJson(io, { correction: view });
    io.stdout(`withdrawn ${view.id}; it stays in the record\n`);
  });
}

interface MetadataOptions extends CorrectCommandOptions {
  title?: string;
  date?: string;
  series?: string;
  number?: string;
  author?: string[];
}

async function runMetadata(doc: string, options: MetadataOptions, io: CommandIO): Promise<void> {
  const by = whoIs(options.by, io);
  const fields: DocumentMetadata = {
    ...(options.title !== undefined ? { title: options.title } : {}),
    // An empty value clears the field (the document has no date, series or number).
    ...(options.date !== undefined ? { date: options.date || null } : {}),
    ...(options.series !== undefined ? { series: options.series || null } : {}),
    ...(options.number !== undefined ? { number: options.number || null } : {}),
    ...(options.author ? { authors: options.author.map((a) => { const [name = '', organization, ...post] = a.split(',').map((x) => x.trim()); return { name, organization: organization || null, title: post.join(', ') || null }; }) } : {}),
  };
  if (!Object.keys(fields).length) throw new CLIError('E_USAGE', 'say what to correct: --title, --date, --series, --number or --author');
  await withCorpus(options, io, {}, async (corpus) => {
    const result = await corpus.correctMetadata(doc, fields, { by, why: options.why });
    if (options.format === 'json') return writeJson(io, result);
    io.stdout(`recorded ${result.correction.id} (metadata) on ${result.correction.document}: ${result.correction.quote}\n`);
  });
}

function who(command: Command): Command {
  return command.option('--by <name>', 'who corrects (default $MIKATA_USER or $USER)').option('--why <reason>', 'why (kept with the correction)');
}

function changes(command: Command): Command {
  return command
    .option('--speaker <name>', 'a speaker, by name in any spelling or by id (repeat for several)', collect)
    .option('--span <start:end>', 'the content as offsets into the document')
    .option('--content <text>', 'the content as a quote of the document')
    .option('--occurrence <n>', 'which occurrence of --content, when it occurs more than once')
    .addOption(new Option('--kind <kind>', 'quote, reported or according_to').choices([...attributionKinds]));
}

export function registerCorrect(program: Command, io: CommandIO): void {
  const correct = program
    .command('correct')
    .description('correct who-said-what: accept, reject, edit or add attributions; corrections survive re-analysis');

  addCorpusOptions(correct.command('list').description('the attributions of a document as they stand, with their ids')
    .argument('<document>', 'document id or file name')
    .option('--rejected', 'include rejected ones'))
    .action(async (doc: string, options: CorrectCommandOptions) => runList(doc, options, io));

  for (const action of ['accept', 'reject'] as const) {
    addCorpusOptions(who(correct.command(action).description(`${action} a machine attribution`)
      .argument('<document>', 'document id or file name')
      .argument('[attribution]', 'its id, as mikata correct list shows it')
      .option('--quote <text>', 'pick the attribution by a piece of its content instead of its id')))
      .action(async (doc: string, attribution: string | undefined, options: CorrectCommandOptions) => runCorrection(action, doc, attribution, options, io));
  }

  addCorpusOptions(who(changes(correct.command('edit').description('change the speakers, the content span or the kind of an attribution')
    .argument('<document>', 'document id or file name')
    .argument('[attribution]', 'its id, as mikata correct list shows it')
    .option('--quote <text>', 'pick the attribution by a piece of its content instead of its id'))))
    .action(async (doc: string, attribution: string | undefined, options: CorrectCommandOptions) => runCorrection('edit', doc, attribution, options, io));

  addCorpusOptions(who(changes(correct.command('add').description('add an attribution the machine missed')
    .argument('<document>', 'document id or file name'))))
    .action(async (doc: string, options: CorrectCommandOptions) => runCorrection('add', doc, undefined, options, io));

  addCorpusOptions(who(correct.command('metadata').description('correct a document’s title, date, series, number or authors (kept over re-analysis)')
    .argument('<document>', 'document id or file name')
    .option('--title <text>', 'the title')
    .option('--date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD (empty: no date)')
    .option('--series <text>', 'the series (empty: none)')
    .option('--number <text>', 'the number in the series (empty: none)')
    .option('--author <name, organisation, post>', 'an author (repeat for several; replaces the list)', collect)))
    .action(async (doc: string, options: MetadataOptions) => runMetadata(doc, options, io));

  addCorpusOptions(correct.command('history').description('corrections, with who, when, why and whether each still anchors')
    .argument('[document]', 'only this document'))
    .action(async (doc: string | undefined, options: CorrectCommandOptions) => runHistory(doc, options, io));

  addCorpusOptions(who(correct.command('withdraw').description('stop applying a correction (it stays in the record)')
    .argument('<correction>', 'its id, such as c7')))
    .action(async (ref: string, options: CorrectCommandOptions) => runWithdraw(ref, options, io));
}
