/**
 * The mikata command line: a thin shell over the programmatic API. Commands are registered from
 * src/cli/commands; this file alone turns errors into exit codes.
 */
import { Command, CommanderError } from 'commander';
import { CLIError } from './errors.ts';
import { processIO, type CommandIO } from './io.ts';

type Register = (program: Command, io: CommandIO) => void;

/**
 * The commands, in the order the help lists them, each with its module loaded only when it is needed: `mikata
 * analyze` then loads neither the server, the store nor the PDF reader (start-up was most of a small run).
 */
const COMMANDS: [name: string, load: () => Promise<Register>][] = [
  ['analyze', async () => (await import('./commands/analyze.ts')).registerAnalyze],
  ['ingest', async () => (await import('./commands/ingest.ts')).registerIngest],
  ['experts', async () => (await import('./commands/experts.ts')).registerExperts],
  ['expert', async () => (await import('./commands/expert.ts')).registerExpert],
  ['search', async () => (await import('./commands/search.ts')).registerSearch],
  ['similar', async () => (await import('./commands/similar.ts')).registerSimilar],
  ['timeline', async () => (await import('./commands/timeline.ts')).registerTimeline],
  ['identities', async () => (await import('./commands/identities.ts')).registerIdentities],
  ['merge', async () => (await import('./commands/merge.ts')).registerMerge],
  ['split', async () => (await import('./commands/split.ts')).registerSplit],
  ['correct', async () => (await import('./commands/correct.ts')).registerCorrect],
  ['codebook', async () => (await import('./commands/codebook.ts')).registerCodebook],
  ['ach', async () => (await import('./commands/ach.ts')).registerAch],
  ['grade', async () => (await import('./commands/grade.ts')).registerGrade],
  ['reanalyze', async () => (await import('./commands/reanalyze.ts')).registerReanalyze],
  ['export', async () => (await import('./commands/export.ts')).registerExport],
  ['export-corpus', async () => (await import('./commands/export-corpus.ts')).registerExportCorpus],
  ['import-corpus', async () => (await import('./commands/import-corpus.ts')).registerImportCorpus],
  ['delete', async () => (await import('./commands/delete.ts')).registerDelete],
  ['replace', async () => (await import('./commands/replace.ts')).registerReplace],
  ['migrate', async () => (await import('./commands/migrate.ts')).registerMigrate],
  ['serve', async () => (await import('./commands/serve.ts')).registerServe],
];

/**
 * The program with the commands `argv` can reach: the one it names; none for --version; all of them otherwise
 * (the help, a mistyped command's suggestions). Without `argv`, all of them.
 */
export async function createProgram(io: CommandIO, argv?: string[]): Promise<Command> {
  const program = new Command('mikata')
    .description('mikata (見方): turns policy commentary into an auditable map of who said what')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  const first = argv?.[0];
  const named = COMMANDS.filter(([name]) => name === first);
  const wanted = named.length ? named : first === '-V' || first === '--version' ? [] : COMMANDS;
  for (const register of await Promise.all(wanted.map(([, load]) => load()))) register(program, io);
  return program;
}

/** Runs the CLI and resolves to the exit code (so tests can call it without a process). */
export async function runCli(argv: string[], io: CommandIO = processIO()): Promise<number> {
  try {
    const program = await createProgram(io, argv);
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
