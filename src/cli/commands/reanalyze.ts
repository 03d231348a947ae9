/** `mikata reanalyze`: analyse every stored document again and re-apply every correction. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CLIError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, clip, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';

export async function runReanalyze(options: CorpusCommandOptions, io: CommandIO): Promise<void> {
  await withCorpus(options, io, {}, async (corpus) => {
    const bar = io.isTTY && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'reanalysing [{bar}] {value}/{total}', barsize: 30, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
      : null;
    let started = false;
    let summary;
    try {
      summary = await corpus.reanalyze({
        onProgress: (done, total) => {
          if (!started) { bar?.start(total, 0); started = true; }
          bar?.update(done);
        },
      });
    } finally {
      bar?.stop();
    }
    if (options.format === 'json') writeJson(io, summary);
    else {
      const { documents, total } = summary;
      const done = documents === total ? `${documents} document${documents === 1 ? '' : 's'}` : `${documents} of ${total} documents`;
      io.stdout(`reanalysed ${done}; ${summary.corrections} active correction${summary.corrections === 1 ? '' : 's'} re-applied, ${summary.unanchored.length} no longer anchor${summary.failed.length ? `; ${summary.failed.length} failed` : ''}\n`);
      for (const f of summary.failed) io.stdout(`failed: ${f.document.id} ${f.document.name ?? ''}: ${f.reason}\n`);
      for (const l of summary.limited) io.stdout(`limited: ${l.document.id} ${l.document.name ?? ''}: ${l.notice}\n`);
      if (summary.unanchored.length) {
        io.stdout('corrections that no longer anchor (kept; fix or withdraw them with mikata correct):\n');
        for (const c of summary.unanchored) io.stdout(`  ${c.id} ${c.action} in ${c.document} by ${c.by}: ${c.problem ?? ''} «${clip(c.quote, 50)}»\n`);
      }
      if (summary.evidence.length) {
        io.stdout('ACH evidence whose claim was not found again (kept with its ratings; mikata ach unanchored lists it):\n');
        for (const u of summary.evidence) io.stdout(`  ${u.matrix} ${u.evidence}: ${u.reason} «${clip(u.text, 50)}»\n`);
      }
      if (summary.grades.length) {
        io.stdout('credibility grades whose claim is no longer found (kept; they apply again if it comes back; mikata grade list --all):\n');
        for (const g of summary.grades) io.stdout(`  ${g.ref} ${g.value} in ${g.document} by ${g.by}: ${g.problem ?? ''}\n`);
      }
    }
    if (summary.failed.length) {
      throw new CLIError('E_PARTIAL', `${summary.failed.length} of ${summary.total} document${summary.total === 1 ? '' : 's'} could not be reanalysed (listed above); the others were`);
    }
  });
}

export function registerReanalyze(program: Command, io: CommandIO): void {
  const command = program
    .command('reanalyze')
    .description('analyse every stored document again (after mikata improved), keep identities, re-apply corrections and list those that no longer anchor');
  addCorpusOptions(command).action(async (options: CorpusCommandOptions) => runReanalyze(options, io));
}
