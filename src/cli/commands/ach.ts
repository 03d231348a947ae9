/**
 * `mikata ach`: analysis of competing hypotheses over the corpus's claims (store/ach.ts, core/ach).
 *
 *   mikata ach list                              the matrices
 *   mikata ach create TITLE                      a new matrix (m1, m2 …)
 *   mikata ach hypothesis M LABEL                add a hypothesis (h1, h2 …)
 *   mikata ach evidence M DOC CLAIM [--weight W] add a claim of the corpus as evidence (ev1, ev2 …)
 *   mikata ach evidence M --text TEXT            add the analyst's own evidence
 *   mikata ach rate M EV H RATING                CC, C, N, I, II (any case), or - to clear the cell
 *   mikata ach weight M EV W                     the evidence's weight (0–100, default 1)
 *   mikata ach show M                            the matrix, scores, diagnosticity and sensitivity
 *   mikata ach unanchored                        evidence whose claim is no longer found, in every matrix
 *   mikata ach export M FILE                     as CSV (- : standard output)
 *   mikata ach delete M                          remove a matrix
 */
import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { renderAchCsv } from '../../export/ach-csv.ts';
import type { AchView } from '../../store/ach.ts';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, emphasis, whoIs, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';
import { writeFileAtomically } from '../files.ts';

type Options = CorpusCommandOptions & { by?: string };

/** The matrix as the terminal shows it: ranking, the grid with weights and diagnosticity, sensitivity. */
export function showAchView(view: AchView, io: CommandIO): string {
  const e = emphasis(io);
  const { matrix, result } = view;
  const out: string[] = [`${e.strong(`${matrix.ref}  ${matrix.title}`)}  ${e.dim(`${matrix.by}, ${matrix.at}`)}`];
  if (!matrix.hypotheses.length) out.push('no hypotheses yet: mikata ach hypothesis ' + matrix.ref + ' LABEL');
  const label = new Map(matrix.hypotheses.map((h) => [h.ref, h.label]));
  if (result.ranking.length) {
    out.push('', 'hypotheses, least inconsistent first (inconsistency = Σ weight × (I = 1, II = 2)):');
    for (const s of result.ranking) {
      out.push(`  ${String(s.rank).padStart(2)}. ${s.hypothesis.padEnd(4)} ${label.get(s.hypothesis)}  ${e.dim(`inconsistency ${s.inconsistency}, consistency ${s.consistency}`)}`);
    }
  }
  if (matrix.evidence.length) {
    const rating = new Map(matrix.ratings.map((r) => [`${r.evidence} ${r.hypothesis}`, r.rating]));
    const diag = new Map(result.diagnosticity.map((d) => [d.evidence, d.value]));
    out.push('', `evidence${' '.repeat(2)}${matrix.hypotheses.map((h) => h.ref.padEnd(4)).join('')}weight  diag.`);
    for (const ev of matrix.evidence) {
      const cells = matrix.hypotheses.map((h) => (rating.get(`${ev.id} ${h.id}`) ?? '·').padEnd(4)).join('');
      const source = ev.kind === 'claim' ? e.dim(` — ${ev.speaker ?? 'unattributed'} (${ev.docHash!.slice(0, 12)} ${ev.claim})`) : '';
      out.push(`  ${ev.ref.padEnd(8)}${cells}${String(ev.weight).padEnd(8)}${String(diag.get(ev.ref) ?? 0).padEnd(6)}«${clip(ev.text, 60)}»${source}`);
    }
    for (const st of view.stale) out.push(`  ${e.strong('!')} ${st.evidence}: ${st.reason}; rated on the text kept above`);
    // Source grading weighs evidence from graded claims (store/grading.ts achWeights): own weight × factor.
    for (const g of view.graded ?? []) {
      out.push(`  ${e.dim(`${g.evidence} graded ${[g.reliability, g.credibility].filter(Boolean).join('')}: weight ${matrix.evidence.find((x) => x.ref === g.evidence)?.weight ?? 1} × ${g.factor} = ${g.weight} in the scores`)}`);
    }
    const diagnostic = result.diagnosticity.filter((d) => d.diagnostic && d.value > 0);
    const none = result.diagnosticity.filter((d) => !d.diagnostic).map((d) => d.evidence);
    out.push('', `most diagnostic: ${diagnostic.length ? diagnostic.slice(0, 5).map((d) => `${d.evidence} (${d.value})`).join(', ') : 'none yet'}`);
    if (none.length) out.push(`no diagnostic value (rated alike under every hypothesis): ${none.join(', ')}`);
    if (matrix.hypotheses.length > 1) {
      out.push('', `sensitivity: single changes that move the lead from ${result.leaders.join(' and ')}:`);
      if (!result.sensitivity.length) out.push('  none: no one piece of evidence, removed or its rating flipped, changes the lead');
      for (const s of result.sensitivity) {
        const change = s.hypothesis === null ? `${s.evidence} removed` : `${s.evidence} under ${s.hypothesis} ${s.from} → ${s.to}`;
        out.push(`  ${change} → ${s.leaders.join(' and ')} leads`);
      }
      if (result.robust.length) out.push(`robust: ${result.robust.join(', ')}`);
    }
  } else {
    out.push('no evidence yet: mikata ach evidence ' + matrix.ref + ' DOC CLAIM, or --text TEXT');
  }
  return `${out.join('\n')}\n`;
}


export function registerAch(program: Command, io: CommandIO): void {
  const ach = program.command('ach').description('analysis of competing hypotheses: rate claims and evidence against hypotheses (Heuer\'s inconsistency score)');
  const by = (c: Command) => c.option('--by <name>', 'who makes the change (default $MIKATA_USER, then $USER)');
  const view = async (options: Options, v: AchView) => (options.format === 'json' ? writeJson(io, v) : io.stdout(showAchView(v, io)));

  addCorpusOptions(ach.command('list').description('the matrices')).action(async (options: Options) => {
    await withCorpus(options, io, { readonly: true }, async (corpus) => {
      const list = await corpus.achBook().list();
      if (options.format === 'json') return writeJson(io, list);
      if (!list.length) return void io.stdout('no ACH matrices yet: mikata ach create TITLE\n');
      for (const m of list) io.stdout(`${m.ref.padEnd(5)} ${m.title}  ${emphasis(io).dim(`${m.by}, ${m.at}`)}\n`);
    });
  });

  addCorpusOptions(by(ach.command('create').argument('<title>', 'the question the hypotheses answer').description('a new matrix')))
    .action(async (title: string, options: Options) => {
      await withCorpus(options, io, {}, async (corpus) => {
        const m = await corpus.achBook().create({ title, by: whoIs(options.by, io) });
        if (options.format === 'json') return writeJson(io, m);
        io.stdout(`${m.ref}  ${m.title}\n`);
      });
    });

  addCorpusOptions(ach.command('hypothesis').argument('<matrix>', 'm1 …').argument('<label>', 'the hypothesis').description('add a hypothesis'))
    .action(async (matrix: string, label: string, options: Options) => {
      await withCorpus(options, io, {}, async (corpus) => {
        const h = await corpus.achBook().addHypothesis(matrix, label);
        if (options.format === 'json') return writeJson(io, h);
        io.stdout(`${h.ref}  ${h.label}\n`);
      });
    });

  addCorpusOptions(
    ach.command('evidence')
      .argument('<matrix>', 'm1 …')
      .argument('[document]', 'the document of the claim (its id or file name)')
      .argument('[claim]', 'the claim id (a3), as mikata correct list DOC shows it')
      .option('--text <text>', 'evidence in your own words instead of a claim')
      .option('--weight <w>', 'credibility × relevance, 0 to 100 (default 1)')
      .description('add a claim of the corpus, or your own text, as evidence'),
  ).action(async (matrix: string, document: string | undefined, claim: string | undefined, options: Options & { text?: string; weight?: string }) => {
    if (options.text !== undefined && document !== undefined) throw new CLIError('E_USAGE', 'give either a document and claim, or --text, not both');
    if (options.text === undefined && (document === undefined || claim === undefined)) throw new CLIError('E_USAGE', 'name the evidence: DOC CLAIM (a claim of the corpus) or --text TEXT');
    await withCorpus(options, io, {}, async (corpus) => {
      const source = options.text !== undefined ? { text: options.text } : { document: document!, claim: claim! };
      const ev = await corpus.achBook().addEvidence(matrix, source, { weight: options.weight });
      if (options.format === 'json') return writeJson(io, ev);
      io.stdout(`${ev.ref}  «${clip(ev.text, 60)}»${ev.speaker ? ` — ${ev.speaker}` : ''}  weight ${ev.weight}\n`);
    });
  });

  addCorpusOptions(by(
    ach.command('rate')
      .argument('<matrix>', 'm1 …').argument('<evidence>', 'ev1 …').argument('<hypothesis>', 'h1 …')
      .argument('<rating>', 'CC, C, N, I, II (very consistent … very inconsistent), or - to clear')
      .description('rate one piece of evidence against one hypothesis'),
  )).action(async (matrix: string, evidence: string, hypothesis: string, rating: string, options: Options) => {
    await withCorpus(options, io, {}, async (corpus) => view(options, await corpus.achBook().rate(matrix, evidence, hypothesis, rating, whoIs(options.by, io))));
  });

  addCorpusOptions(ach.command('weight').argument('<matrix>', 'm1 …').argument('<evidence>', 'ev1 …').argument('<weight>', '0 to 100').description('set the weight of one piece of evidence'))
    .action(async (matrix: string, evidence: string, weight: string, options: Options) => {
      await withCorpus(options, io, {}, async (corpus) => view(options, await corpus.achBook().weigh(matrix, evidence, weight)));
    });

  addCorpusOptions(ach.command('show').argument('<matrix>', 'm1 …').description('the matrix with scores, ranking, diagnosticity and sensitivity'))
    .action(async (matrix: string, options: Options) => {
      await withCorpus(options, io, { readonly: true }, async (corpus) => view(options, await corpus.achBook().show(matrix)));
    });

  addCorpusOptions(ach.command('unanchored').description('evidence, in every matrix, whose claim is no longer found (after a reanalysis, a new version, a correction or a deletion)'))
    .action(async (options: Options) => {
      await withCorpus(options, io, { readonly: true }, async (corpus) => {
        const list = await corpus.achBook().unanchored();
        if (options.format === 'json') return writeJson(io, list);
        if (!list.length) return void io.stdout('every piece of claim evidence is on its claim\n');
        const e = emphasis(io);
        for (const u of list) {
          io.stdout(`${u.matrix} ${u.evidence}  «${clip(u.text, 60)}»${e.dim(` — ${u.speaker ?? 'unattributed'} (${u.document ?? u.docHash.slice(0, 12)} ${u.claim})`)}\n  ${u.reason}\n`);
        }
      });
    });

  addCorpusOptions(ach.command('export').argument('<matrix>', 'm1 …').argument('<file>', 'a .csv file, or - for standard output').description('the matrix as CSV'), { format: false })
    .action(async (matrix: string, file: string, options: Options) => {
      await withCorpus(options, io, { readonly: true }, async (corpus) => {
        const csv = renderAchCsv(await corpus.achBook().show(matrix));
        if (file === '-') return void io.stdout(csv);
        writeFileAtomically(resolve(io.cwd, file), csv, 'CSV', file);
        io.stderr(`${matrix} → ${file}\n`);
      });
    });

  addCorpusOptions(ach.command('delete').argument('<matrix>', 'm1 …').description('remove a matrix with its hypotheses, evidence and ratings'))
    .action(async (matrix: string, options: Options) => {
      await withCorpus(options, io, {}, async (corpus) => {
        const m = await corpus.achBook().delete(matrix);
        if (options.format === 'json') return writeJson(io, m);
        io.stdout(`deleted ${m.ref}  ${m.title}\n`);
      });
    });
}
