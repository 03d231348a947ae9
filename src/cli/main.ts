/**
 * The mikata command line: a thin shell over the programmatic API. Commands are registered from
 * src/cli/commands; this file alone turns errors into exit codes.
 */
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerExperts } from './commands/experts.ts';
import { registerExpert } from './commands/expert.ts';
import { registerSearch } from './commands/search.ts';
import { registerSimilar } from './commands/similar.ts';
import { registerTimeline } from './commands/timeline.ts';
import { registerIdentities } from './commands/identities.ts';
import { registerMerge } from './commands/merge.ts';
import { registerSplit } from './commands/split.ts';
import { registerCorrect } from './commands/correct.ts';
import { registerCodebook } from './commands/codebook.ts';
import { registerAch } from './commands/ach.ts';
import { registerGrade } from './commands/grade.ts';
import { registerReanalyze } from './commands/reanalyze.ts';
import { registerExport } from './commands/export.ts';
import { registerExportCorpus } from './commands/export-corpus.ts';
import { registerImportCorpus } from './commands/import-corpus.ts';
import { registerServe } from './commands/serve.ts';
import { registerDelete } from './commands/delete.ts';
import { registerReplace } from './commands/replace.ts';
import { registerMigrate } from './commands/migrate.ts';
import { CLIError } from './errors.ts';
import { processIO, type CommandIO } from './io.ts';

export function createProgram(io: CommandIO): Command {
  const program = new Command('mikata')
    .description('mikata (見方): turns policy commentary into an auditable map of who said what')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerAnalyze(program, io);
  registerIngest(program, io);
  registerExperts(program, io);
  registerExpert(program, io);
  registerSearch(program, io);
  registerSimilar(program, io);
  registerTimeline(program, io);
  registerIdentities(program, io);
  registerMerge(program, io);
  registerSplit(program, io);
  registerCorrect(program, io);
  registerCodebook(program, io);
  registerAch(program, io);
  registerGrade(program, io);
  registerReanalyze(program, io);
  registerExport(program, io);
  registerExportCorpus(program, io);
  registerImportCorpus(program, io);
  registerDelete(program, io);
  registerReplace(program, io);
  registerMigrate(program, io);
  registerServe(program, io);
  return program;
}

/** Runs the CLI and resolves to the exit code (so tests can call it without a process). */
export async function runCli(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CLIError) {
      io.stderr(`mikata: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EPIPE') return 0;
    io.stderr(`mikata: internal error: ${err?.message ?? String(e)}\n`);
    if (io.env.MIKATA_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return 1;
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/main.ts');
if (isMain) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
