/**
 * `mikata grade`: source grading in the Admiralty system (core/grading). Reliability A–F of a source (a
 * person, outlet or other identity) and credibility 1–6 of a claim, as the analyst decides them, with the
 * caveats of the corpus caveat list for state media and officials.
 *
 *   mikata grade source SOURCE [A-F]           grade a source (an id such as e3, or any name); without a grade: show it
 *   mikata grade source SOURCE --clear         clear it (recorded)
 *   mikata grade claim DOC CLAIM [1-6]         grade a claim (or DOC --quote TEXT [1-6]); without a grade: show it; --clear
 *   mikata grade list [--document DOC] [--source S] [--all]   the grades that stand (--all: with the history)
 *   mikata grade caveats [show|export FILE [--default]|import FILE|reset]   the caveat list
 */
import { Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, type Credibility, type Reliability } from '../../core/grading/grades.ts';
import { isCaveatListError, readCaveatListJson, renderCaveatListJson, type CaveatList } from '../../core/grading/caveats.ts';
import type { GradeView, SourceGradeView } from '../../store/grading.ts';
import type { ClaimRow } from '../../store/store.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, emphasis, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';
import { readInputFile, writeFileAtomically } from '../files.ts';

type Options = CorpusCommandOptions & { by?: string; why?: string; clear?: boolean; lang: 'ja' | 'en' };

const lang = () => new Option('--lang <lang>', 'labels and caveats in this language').choices(['ja', 'en']).default('en');

/** A source with its grade, suggestion and caveats, as the terminal shows it. */
export function showSource(s: SourceGradeView, io: CommandIO, language: 'ja' | 'en' = 'en'): string {
  const e = emphasis(io);
  const r = s.reliability;
  const out = [`${e.strong(`${s.identity}  ${s.name}`)}  ${e.dim(s.type)}`];
  out.push(r
    ? `  reliability ${e.strong(r.value)} ${RELIABILITY_LABEL[r.value][language]}  ${e.dim(`${r.grade}, ${r.at} by ${r.by}${r.why ? ` — ${r.why}` : ''}`)}`
    : `  reliability not graded${s.suggestion ? ` (suggested: ${s.suggestion} ${RELIABILITY_LABEL[s.suggestion][language]}; a suggestion, not a grade)` : ''}`);
  for (const c of s.caveats) out.push(`  ${e.mark('caveat')} ${c.label[language]}: ${c.caveat[language]} ${e.dim(`(${c.matched.term} in ${clip(c.matched.in, 40)})`)}`);
  return `${out.join('\n')}\n`;
}

function showClaim(c: ClaimRow, doc: string, io: CommandIO, language: 'ja' | 'en'): string {
  const e = emphasis(io);
  const k = c.credibility;
  const who = c.speakers.filter((s) => s.role === 'speaker').map((s) => s.name).join(', ') || 'unattributed';
  return `${e.strong(`${doc} ${c.localId}`)}  ${who}  «${clip(c.content, 60)}»\n${k
    ? `  credibility ${e.strong(k.value)} ${CREDIBILITY_LABEL[k.value][language]}  ${e.dim(`${k.grade}, ${k.at} by ${k.by}${k.why ? ` — ${k.why}` : ''}`)}`
    : '  credibility not graded'}\n`;
}

function showGradeLine(g: GradeView, io: CommandIO, language: 'ja' | 'en'): string {
  const e = emphasis(io);
  const label = g.value === null ? 'cleared' : g.kind === 'reliability' ? `${g.value} ${RELIABILITY_LABEL[g.value as Reliability][language]}` : `${g.value} ${CREDIBILITY_LABEL[g.value as Credibility][language]}`;
  const what = g.kind === 'reliability' ? `source ${g.source!.identity} ${g.source!.name}` : `claim ${g.document} ${g.claim ?? '?'} «${clip(g.quote ?? '', 50)}»`;
  const state = g.anchored === false ? `  DOES NOT APPLY: ${g.problem ?? ''}` : g.current ? '' : '  (replaced)';
  return `${e.strong(g.ref.padEnd(5))} ${what}: ${label}\n      ${e.dim(`${g.at} by ${g.by}${g.why ? ` — ${g.why}` : ''}`)}${state}\n`;
}

function readCaveatFile(path: string, io: CommandIO): CaveatList {
  const text = readInputFile(path, io, 'caveat list');
  try {
    return readCaveatListJson(text, path);
  } catch (e) {
    if (isCaveatListError(e)) throw new CLIError('E_INPUT', e.message, { cause: e });
    throw e;
  }
}

export function registerGrade(program: Command, io: CommandIO): void {
  const grade = program.command('grade').description('source grading (Admiralty system): reliability A–F of sources, credibility 1–6 of claims, caveats for state media and officials');

  addCorpusOptions(
    grade.command('source')
      .argument('<source>', 'a person, outlet or other identity: its id (e3) or any name form')
      .argument('[grade]', 'A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged')
      .description('grade the reliability of a source; without a grade, show its grade, suggestion and caveats')
      .option('--clear', 'clear the source\'s grade (recorded)')
      .option('--by <name>', 'who grades (default $MIKATA_USER, then $USER)')
      .option('--why <text>', 'why')
      .addOption(lang()),
  ).action(async (source: string, value: string | undefined, options: Options) => {
    if (options.clear && value !== undefined) throw new CLIError('E_USAGE', 'give a grade or --clear, not both');
    const writing = options.clear || value !== undefined;
    const by = writing ? whoIs(options.by, io) : '';
    await withCorpus(options, io, { readonly: !writing }, async (corpus) => {
      const g = corpus.grading();
      if (!writing) {
        const identity = await corpus.resolvePerson(source);
        const s = (await g.sources([identity.ref])).get(identity.ref)!;
        if (options.format === 'json') return writeJson(io, s);
        return void io.stdout(showSource(s, io, options.lang));
      }
      const r = options.clear ? await g.clearReliability({ source, by, why: options.why }) : await g.setReliability({ source, value, by, why: options.why });
      if (options.format === 'json') return writeJson(io, r);
      io.stdout(showSource(r.source, io, options.lang));
    });
  });

  addCorpusOptions(
    grade.command('claim')
      .argument('<document>', 'the document (its id or file name)')
      .argument('[claim]', 'the claim id (a3), as mikata correct list shows it; with --quote, leave it out')
      .argument('[grade]', '1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged')
      .description('grade the credibility of a claim; without a grade, show it')
      .option('--quote <text>', 'the claim that contains this text, instead of its id')
      .option('--clear', 'clear the claim\'s grade (recorded)')
      .option('--by <name>', 'who grades (default $MIKATA_USER, then $USER)')
      .option('--why <text>', 'why')
      .addOption(lang()),
  ).action(async (document: string, first: string | undefined, second: string | undefined, options: Options & { quote?: string }) => {
    let claim: string | undefined;
    let value: string | undefined;
    if (options.quote !== undefined) {
      if (second !== undefined) throw new CLIError('E_USAGE', 'with --quote, give only the document and the grade');
      value = first;
    } else {
      if (first === undefined) throw new CLIError('E_USAGE', 'name the claim: its id (a3) or --quote TEXT');
      claim = first;
      value = second;
    }
    if (options.clear && value !== undefined) throw new CLIError('E_USAGE', 'give a grade or --clear, not both');
    const writing = options.clear || value !== undefined;
    const by = writing ? whoIs(options.by, io) : '';
    await withCorpus(options, io, { readonly: !writing }, async (corpus) => {
      const g = corpus.grading();
      const doc = await corpus.resolveDocument(document);
      if (!writing) {
        const claims = await corpus.store.claims(doc.id);
        const found = claim !== undefined ? claims.filter((c) => c.localId === claim) : claims.filter((c) => c.content.includes(options.quote!));
        if (found.length === 0) throw new CLIError('E_NOT_FOUND', claim !== undefined ? `no claim ${JSON.stringify(claim)} in document ${doc.ref} (mikata correct list ${doc.ref} lists them)` : `no claim of document ${doc.ref} contains ${JSON.stringify(options.quote)}`);
        if (found.length > 1) throw new CLIError('E_CONFLICT', `${found.length} claims of document ${doc.ref} contain ${JSON.stringify(options.quote)}: give more of it, or the claim id (${found.map((c) => c.localId).join(', ')})`);
        if (options.format === 'json') return writeJson(io, found[0]);
        return void io.stdout(showClaim(found[0]!, doc.ref, io, options.lang));
      }
      const pick = { document: doc.ref, claim, quote: options.quote, by, why: options.why };
      const r = options.clear ? await g.clearCredibility(pick) : await g.setCredibility({ ...pick, value });
      if (options.format === 'json') return writeJson(io, r);
      io.stdout(r.claim ? showClaim(r.claim, doc.ref, io, options.lang) : showGradeLine(r.grade, io, options.lang));
    });
  });

  addCorpusOptions(
    grade.command('list')
      .description('the grades that stand now, with who, when and why')
      .option('--document <doc>', 'only the claims of this document')
      .option('--source <source>', 'only this source')
      .option('--all', 'the history too: replaced grades and clears')
      .addOption(lang()),
  ).action(async (options: Options & { document?: string; source?: string; all?: boolean }) => {
    if (options.document && options.source) throw new CLIError('E_USAGE', '--document and --source exclude each other');
    await withCorpus(options, io, { readonly: true }, async (corpus) => {
      const list = await corpus.grading().list({ document: options.document, source: options.source, all: options.all });
      if (options.format === 'json') return writeJson(io, list);
      if (!list.length) io.stdout('no grades\n');
      for (const g of list) io.stdout(showGradeLine(g, io, options.lang));
    });
  });

  const caveats = grade.command('caveats').description('the caveat list: patterns for state media and officials, with the caveat to show and a grade to suggest');
  addCorpusOptions(caveats.command('show', { isDefault: true }).description('the corpus caveat list').addOption(lang()))
    .action(async (options: Options) => {
      await withCorpus(options, io, { readonly: true }, async (corpus) => {
        const { list, custom } = await corpus.grading().caveats();
        if (options.format === 'json') return writeJson(io, { caveats: list, custom });
        const e = emphasis(io);
        io.stdout(`${e.strong(list.name)} ${list.version}${custom ? '' : ' (the default list)'}\n`);
        for (const x of list.entries) {
          const terms = [...(x.match.ja ?? []), ...(x.match.en ?? []), ...(x.match.patterns ?? []).map((p) => `/${p}/`)];
          io.stdout(`  ${x.id}  ${x.label[options.lang]}${x.suggest ? `  suggests ${x.suggest}` : ''}\n    ${e.dim(clip(terms.join(', '), 100))}\n`);
        }
      });
    });
  addCorpusOptions(
    caveats.command('export')
      .argument('<file>', 'a .json file to edit, or - for standard output')
      .option('--default', 'the default list, not the corpus one (no corpus needed)')
      .description('write the caveat list as JSON (format mikata-source-caveats/1)'),
    { format: false },
  ).action(async (file: string, options: CorpusCommandOptions & { default?: boolean }) => {
    const write = (list: CaveatList) => {
      const text = renderCaveatListJson(list);
      if (file === '-') return void io.stdout(text);
      writeFileAtomically(resolve(io.cwd, file), text, 'caveat list');
      io.stderr(`${list.name} ${list.version}: ${list.entries.length} entries → ${file}\n`);
    };
    if (options.default) {
      const { DEFAULT_CAVEATS } = await import('../../core/grading/default-caveats.ts');
      return write(DEFAULT_CAVEATS);
    }
    await withCorpus(options, io, { readonly: true }, async (corpus) => write((await corpus.grading().caveats()).list));
  });
  addCorpusOptions(caveats.command('import').argument('<file>', 'a caveat list (JSON, mikata-source-caveats/1)').description('load a caveat list into the corpus (validated)'), { format: false })
    .action(async (file: string, options: CorpusCommandOptions) => {
      const list = readCaveatFile(file, io);
      await withCorpus(options, io, {}, async (corpus) => {
        await corpus.grading().setCaveats(list);
        io.stdout(`${list.name} ${list.version}: ${list.entries.length} entries\n`);
      });
    });
  addCorpusOptions(caveats.command('reset').description('go back to the default caveat list'), { format: false })
    .action(async (options: CorpusCommandOptions) => {
      await withCorpus(options, io, {}, async (corpus) => {
        const { list } = await corpus.grading().setCaveats(null);
        io.stdout(`${list.name} ${list.version} (the default list)\n`);
      });
    });
}
