#!/usr/bin/env node
// Installed entry point: registers tsx so the TypeScript sources run as they are, then starts the CLI.
// zod (95 modules, which every command's schemas need; --version alone does not) is loaded first, natively:
// through tsx's loader thread each module cost a round trip, 0.1-0.2 s of a start-up. The sources then get this
// same instance.
const command = process.argv[2];
if (command !== '-V' && command !== '--version') await import('zod');
const { register } = await import('tsx/esm/api');
register();
// `analyze` of a Japanese text needs the analyser: its dictionary is unpacked in the background while the CLI's
// modules load (half a second each). A text that turns out English drops it.
if (command === 'analyze' && !process.argv.includes('--no-claims')) (await import('../src/core/morph/kuromoji.ts')).preloadJaTokenizer();
// `mikata timeline | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
