/**
 * `mikata codebook`: the codebook the corpus codes claims with, and the analyst's coding decisions.
 *
 *   mikata codebook show                     the codes as a tree, with how many claims carry each
 *   mikata codebook export FILE              as JSON (edit it and import it), or .qdc (REFI-QDA) by extension
 *   mikata codebook import FILE              load a JSON or .qdc codebook and code every claim again
 *   mikata codebook apply [--default]        code every claim again (after mikata migrate; --default: back to the default)
 *   mikata codebook code DOC CODE CLAIM      accept (default), --reject or --add one code of one claim (or --quote TEXT)
 *   mikata codebook decisions [DOC]          the coding decisions with who, when, why, and whether they apply
 *   mikata codebook withdraw K               stop applying a decision (kept in the record)
 *   mikata codebook agreement CODE           the code's claims across documents, grouped: who agrees, who stands alone
 */
import { Option, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { codeTree, renderCodebookJson, type Codebook } from '../../core/codebook/codebook.ts';
import { renderQdc } from '../../export/qdc.ts';
import type { AgreementGroup, AgreementView } from '../../store/agreement.ts';
import type { CodeDecisionRecord } from '../../store/store.ts';
import type { TextQuoteSelector } from '../../store/corrections.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, docLabel, emphasis, oneLine, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';
import { writeFileAtomically } from '../files.ts';
import { readCodebookFile } from '../codebook-file.ts';

function showDecision(d: CodeDecisionRecord, io: CommandIO): string {
  const e = emphasis(io);
  const state = d.status === 'withdrawn' ? 'withdrawn' : d.anchored === false ? `DOES NOT APPLY: ${d.problem ?? ''}` : d.anchored ? 'applied' : 'not applied yet';
  const quote = (d.target as TextQuoteSelector | null)?.exact ?? '';
  return `${e.strong(d.ref.padEnd(5))} ${d.action.padEnd(6)} ${d.code}  «${clip(quote, 60)}»\n      ${e.dim(`${d.at} by ${d.by}${d.why ? ` — ${d.why}` : ''}`)}  ${state}\n`;
}

/** The per-code view of agreement as the terminal shows it: the groups that agree, then the views alone. */
export function showAgreement(v: AgreementView, io: CommandIO): string {
  const e = emphasis(io);
  const out = [
    `${e.strong(`${v.code.id}  ${v.code.names.ja} / ${v.code.names.en}`)}${v.code.includes.length > 1 ? e.dim(`  (with ${v.code.includes.length - 1} code${v.code.includes.length === 2 ? '' : 's'} under it)`) : ''}`,
    `${v.totals.claims} claim${v.totals.claims === 1 ? '' : 's'} of ${v.totals.speakers} speaker${v.totals.speakers === 1 ? '' : 's'} in ${v.totals.documents} document${v.totals.documents === 1 ? '' : 's'}; claims joined at similarity ≥ ${v.threshold}`,
  ];
  if (v.limited) out.push(e.dim(`the code has ${v.limited.total} claims; the ${v.limited.kept} of the most recent documents are grouped (narrow it with --document)`));
  const group = (g: AgreementGroup) => {
    const link = g.similarity ? e.dim(`  similarity ${g.similarity.min === g.similarity.max ? g.similarity.min : `${g.similarity.min}–${g.similarity.max}`}`) : '';
    out.push(`  ${e.strong(g.id)}  ${g.speakers.map((s) => s.name).join(', ') || '(no speaker)'} — ${g.documents.length} document${g.documents.length === 1 ? '' : 's'}${link}`);
    for (const c of g.claims) out.push(`      ${c.speakers.map((s) => s.name).join(', ') || '(no speaker)'}  ${e.dim(`${docLabel(c.document)} ${c.id}`)}`, `        «${oneLine(c.text)}»`);
  };
  out.push('', v.agree.length ? `agree (${v.agree.length}):` : 'agree: no two speakers say nearly the same under this code');
  for (const g of v.agree) group(g);
  if (v.alone.length) out.push('', `stand alone (${v.alone.length}):`);
  for (const g of v.alone) group(g);
  return `${out.join('\n')}\n`;
}

export function registerCodebook(program: Command, io: CommandIO): void {
  const cb = program.command('codebook').description('the codebook claims are coded with (themes, domains, lenses), and the analyst\'s coding decisions');

  addCorpusOptions(
    cb.command('show')
      .description('the codebook as a tree, with the number of claims that carry each code')
      .addOption(new Option('--lang <lang>', 'names in this language').choices(['ja', 'en']).default('ja')),
  ).action(async (options: CorpusCommandOptions & { lang: 'ja' | 'en' }) => {
    await withCorpus(options, io, { readonly: true }, async (corpus) => {
      const { book, custom } = await corpus.codebook();
      const counts = new Map<string, number>();
      for await (const { claims } of corpus.claimsByDocument()) {
        for (const c of claims) for (const k of c.codes ?? []) if (k.status !== 'rejected') counts.set(k.code, (counts.get(k.code) ?? 0) + 1);
      }
      if (options.format === 'json') return writeJson(io, { codebook: book, custom, claims: Object.fromEntries(counts) });
      const e = emphasis(io);
      io.stdout(`${e.strong(book.name)} ${book.version}${custom ? '' : ' (the default codebook)'}\n`);
      for (const { code, depth } of codeTree(book)) {
        const n = counts.get(code.id);
        io.stdout(`${'  '.repeat(depth + 1)}${code.id}  ${code.name[options.lang]}${code.codable === false ? '' : e.dim(`  ${n ?? 0} claim${n === 1 ? '' : 's'}`)}\n`);
      }
    });
  });

  addCorpusOptions(
    cb.command('export')
      .argument('<file>', 'where to write it: .json (the file to edit) or .qdc (REFI-QDA); - : JSON on standard output')
      .description('write the corpus codebook (or the default) as JSON or as a REFI-QDA codebook')
      .addOption(new Option('--lang <lang>', 'code names in a .qdc').choices(['ja', 'en']).default('ja'))
      .option('--default', 'the default codebook, not the corpus one (no corpus needed)'),
    { format: false },
  ).action(async (file: string, options: CorpusCommandOptions & { lang: 'ja' | 'en'; default?: boolean }) => {
    const write = (book: Codebook) => {
      const qdc = /\.qdc$/i.test(file);
      const text = qdc ? renderQdc(book, { lang: options.lang }) : renderCodebookJson(book);
      if (file === '-') {
        io.stdout(text);
        return;
      }
      writeFileAtomically(resolve(io.cwd, file), text, 'codebook');
      io.stderr(`${book.name} ${book.version}: ${book.codes.length} codes → ${file}\n`);
    };
    if (options.default) {
      const { DEFAULT_CODEBOOK } = await import('../../core/codebook/default-codebook.ts');
      write(DEFAULT_CODEBOOK);
      return;
    }
    await withCorpus(options, io, { readonly: true }, async (corpus) => write((await corpus.codebook()).book));
  });

  addCorpusOptions(
    cb.command('import')
      .argument('<file>', 'a codebook: JSON (mikata-codebook/1) or .qdc (REFI-QDA)')
      .description('load a codebook into the corpus and code every claim again; coding decisions are kept'),
    { format: false },
  ).action(async (file: string, options: CorpusCommandOptions) => {
    const book = readCodebookFile(file, io);
    await withCorpus(options, io, {}, async (corpus) => {
      const r = await corpus.setCodebook(book);
      io.stdout(`${book.name} ${book.version}: ${book.codes.length} codes; coded the claims of ${r.documents} document${r.documents === 1 ? '' : 's'}${r.unanchored ? `; ${r.unanchored} coding decision${r.unanchored === 1 ? ' does' : 's do'} not apply (mikata codebook decisions)` : ''}\n`);
    });
  });

  addCorpusOptions(
    cb.command('apply')
      .description('code every claim again with the corpus codebook (after mikata migrate, or to refresh)')
      .option('--default', 'go back to the default codebook first'),
    { format: false },
  ).action(async (options: CorpusCommandOptions & { default?: boolean }) => {
    await withCorpus(options, io, {}, async (corpus) => {
      const r = options.default ? await corpus.setCodebook(null) : await corpus.recode();
      const { book } = await corpus.codebook();
      io.stdout(`${book.name} ${book.version}: coded the claims of ${r.documents} document${r.documents === 1 ? '' : 's'}${r.unanchored ? `; ${r.unanchored} coding decision${r.unanchored === 1 ? ' does' : 's do'} not apply` : ''}\n`);
    });
  });

  addCorpusOptions(
    cb.command('code')
      .argument('<document>', 'the document (its id or file name)')
      .argument('<code>', 'the code id (mikata codebook show)')
      .argument('[claim]', 'the claim id (a3), as mikata correct list shows it; or --quote')
      .description('accept a code of a claim (default), or reject it, or add one the machine missed')
      .option('--reject', 'the claim does not carry this code')
      .option('--add', 'the claim carries this code though the machine did not see it')
      .option('--quote <text>', 'the claim that contains this text, instead of its id')
      .option('--by <name>', 'who decides (default $MIKATA_USER, then $USER)')
      .option('--why <text>', 'why'),
  ).action(async (document: string, code: string, claim: string | undefined, options: CorpusCommandOptions & { reject?: boolean; add?: boolean; quote?: string; by?: string; why?: string }) => {
    if (options.reject && options.add) throw new CLIError('E_USAGE', '--reject and --add exclude each other');
    if (!claim && !options.quote) throw new CLIError('E_USAGE', 'name the claim: its id (a3) or --quote TEXT');
    const by = whoIs(options.by, io);
    await withCorpus(options, io, {}, async (corpus) => {
      const action = options.reject ? 'reject' : options.add ? 'add' : 'accept';
      const r = await corpus.decideCode({ document, claim, quote: options.quote, code, action, by, why: options.why });
      if (options.format === 'json') return writeJson(io, r);
      io.stdout(showDecision(r.decision, io));
    });
  });

  addCorpusOptions(
    cb.command('decisions').argument('[document]', 'only this document').description('the coding decisions: who, when, why, and whether each still applies'),
  ).action(async (document: string | undefined, options: CorpusCommandOptions) => {
    await withCorpus(options, io, { readonly: true }, async (corpus) => {
      const list = await corpus.codeDecisions(document);
      if (options.format === 'json') return writeJson(io, list);
      if (!list.length) io.stdout('no coding decisions\n');
      for (const d of list) io.stdout(showDecision(d, io));
    });
  });

  addCorpusOptions(
    cb.command('agreement')
      .argument('<code>', 'a code id of the codebook (domain.naval); a code takes the codes under it')
      .option('--threshold <x>', 'the least similarity that joins two claims, from 0 to 1 (default 0.6)')
      .option('--document <doc>', 'only this document (its id or file name); repeatable', (v: string, all: string[] = []) => [...all, v])
      .description('the claims of one code across documents, grouped by what they say: which speakers agree, which views stand alone'),
  ).action(async (code: string, options: CorpusCommandOptions & { threshold?: string; document?: string[] }) => {
    const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
    if (threshold !== undefined && !(options.threshold!.trim() !== '' && threshold >= 0 && threshold <= 1)) {
      throw new CLIError('E_USAGE', `--threshold must be a number from 0 to 1, not ${JSON.stringify(options.threshold)}`);
    }
    await withCorpus(options, io, { readonly: true }, async (corpus) => {
      const view = await corpus.agreement(code, { threshold, documents: options.document });
      if (options.format === 'json') return writeJson(io, view);
      io.stdout(showAgreement(view, io));
    });
  });

  addCorpusOptions(
    cb.command('withdraw').argument('<decision>', 'the decision (k3)').description('stop applying a coding decision; it stays in the record'),
    { format: false },
  ).action(async (ref: string, options: CorpusCommandOptions) => {
    await withCorpus(options, io, {}, async (corpus) => {
      io.stdout(showDecision(await corpus.withdrawCodeDecision(ref), io));
    });
  });
}
