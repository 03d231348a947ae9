/**
 * Run as its own process by pdf-limits.test.ts: reads one hostile file the way `mikata analyze` does and
 * prints the outcome and this process's peak resident memory, as one JSON line.
 */
import { hostileFiles } from '../../scripts/make-hostile-files.ts';
import { readSourceBytes } from '../../src/ingest/read-source.ts';

const name = process.argv[2]!;
const file = hostileFiles().find((f) => f.name === name);
if (!file) throw new Error(`no hostile file ${name}`);
let outcome: { code: string; message: string };
try {
  const source = await readSourceBytes(file.bytes(), { name });
  outcome = { code: 'OK', message: `${source.text.length} characters` };
} catch (e) {
  outcome = { code: (e as { code?: string }).code ?? 'THROWN', message: (e as Error).message };
}
process.stdout.write(`${JSON.stringify({ ...outcome, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
