#!/usr/bin/env node
// Installed entry point: registers tsx so the TypeScript sources run as they are, then starts the CLI.
// zod (95 modules, which every command's schemas need; --version alone does not) is loaded first, natively:
// through tsx's loader thread each module cost a round trip, 0.1-0.2 s of a start-up. The sources then get this
// same instance.
import { closeSync, openSync, readSync } from 'node:fs';

const command = process.argv[2];
if (command !== '-V' && command !== '--version') await import('zod');
const { register } = await import('tsx/esm/api');
register();
// `analyze` of a Japanese text needs the analyser: its dictionary is unpacked in the background while the CLI's
// modules load (half a second each), when the file's first bytes look Japanese (otherwise the command starts it
// once the text is decoded, if it needs it: an English text never waits for it, nor holds it).
if (command === 'analyze' && !process.argv.includes('--no-claims') && looksJapanese(process.argv.slice(3), (await import('../src/core/text/chars.ts')).detectLanguage)) {
  (await import('../src/core/morph/kuromoji.ts')).preloadJaTokenizer();
}
// `mikata timeline | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));

/** Whether `analyze`'s input file, by its first 64 KB read as UTF-8, is Japanese (a guess; never throws). */
function looksJapanese(args, detectLanguage) {
  const language = args.indexOf('--language');
  if (language >= 0) return args[language + 1] === 'ja';
  const withValue = new Set(['-f', '--format', '-e', '--encoding', '--input-format', '--codebook']);
  let file = null;
  for (let i = 0; i < args.length && file === null; i++) {
    if (withValue.has(args[i])) i++;
    else if (!args[i].startsWith('-')) file = args[i];
  }
  if (!file) return false;
  try {
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(65536);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    return detectLanguage(new TextDecoder().decode(head.subarray(0, n))) === 'ja';
  } catch {
    return false;
  }
}
