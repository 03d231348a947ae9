/** `mikata expert NAME`: every claim of one person across the corpus, found by any spelling. */
import type { Command } from 'commander';
import type { ExpertPage } from '../../store/corpus.ts';
import type { CommandIO } from '../io.ts';
import { addCorpusOptions, docLabel, emphasis, oneLine, parsePositiveInt, withCorpus, writeJson, type CorpusCommandOptions } from './_corpus.ts';
import { showForms, showSpan } from './experts.ts';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../../core/grading/grades.ts';

export interface ExpertCommandOptions extends CorpusCommandOptions {
  limit?: string;
  offset?: string;
}

export async function runExpert(name: string[], options: ExpertCommandOptions, io: CommandIO): Promise<void> {
  const limit = options.limit === undefined ? undefined : parsePositiveInt(options.limit, '--limit');
  const offset = options.offset === undefined ? undefined : parsePositiveInt(options.offset, '--offset');
  await withCorpus(options, io, { readonly: true }, async (corpus) => {
    const page = await corpus.expert(name.join(' '), { limit, offset });
    if (options.format === 'json') return writeJson(io, page);
    io.stdout(showExpertPage(page, io));
  });
}

export function showExpertPage(page: ExpertPage, io: CommandIO): string {
  const e = emphasis(io);
  const p = page.person;
  const lines: string[] = [];
  lines.push(`${e.strong(p.name)}  ${e.dim(p.id)}${p.organization ? ` — ${p.organization}` : ''}`);
  lines.push(`names: ${showForms(p.forms)}`);
  lines.push(`${p.claims} claim${p.claims === 1 ? '' : 's'} in ${p.documents} document${p.documents === 1 ? '' : 's'}, ${showSpan(p.first, p.last)}`);
  // Source grading (mikata grade): the analyst's grade, or the list's suggestion, and every caveat that fits.
  const s = page.sources?.[p.id];
  if (s?.reliability) lines.push(`reliability ${s.reliability.value} ${RELIABILITY_LABEL[s.reliability.value].en} ${e.dim(`(${s.reliability.by}, ${s.reliability.at.slice(0, 10)})`)}`);
  else if (s?.suggestion) lines.push(`reliability not graded ${e.dim(`(suggested: ${s.suggestion}; mikata grade source ${p.id} GRADE)`)}`);
  for (const k of s?.caveats ?? []) lines.push(`${e.mark('caveat')} ${k.label.en}: ${k.caveat.en}`);
  let current = '';
  for (const c of page.claims) {
    const label = docLabel(c.document);
    if (label !== current) {
      lines.push('', e.strong(label));
      current = label;
    }
    const where = c.section ? `§ ${oneLine(c.section)}` : '';
    const how = [c.kind, c.cue ? `cue ${oneLine(c.cue)}` : '', c.role === 'via' ? `relaying ${c.speakers.map((s) => s.name).join(', ')}` : '',
      c.provenance === 'analyst' || c.review ? `${c.review ?? 'analyst'}` : ''].filter(Boolean).join('; ');
    lines.push(`  ${where}${where ? '  ' : ''}${e.dim(`[${how}] ${c.start}–${c.end}`)}`);
    lines.push(`  «${oneLine(c.text)}»`);
    if (c.hedges.length) lines.push(`  hedged: ${c.hedges.join(', ')}`);
    if (c.credibility) lines.push(`  credibility ${c.credibility.value} ${CREDIBILITY_LABEL[c.credibility.value].en} ${e.dim(`(${c.credibility.by})`)}`);
    for (const f of c.footnotes) lines.push(`  ${e.dim(`note ${f.n}${f.note ? `: ${oneLine(f.note)}` : ''}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerExpert(program: Command, io: CommandIO): void {
  const command = program
    .command('expert')
    .description('show every claim of one person across the corpus; any spelling works (katakana, Latin, Cyrillic, initials) or an id from mikata experts')
    .argument('<name...>', 'the name, in any script, or an identity id such as e12')
    .option('-n, --limit <n>', 'show only n claims')
    .option('--offset <n>', 'skip the first n claims');
  addCorpusOptions(command).action(async (name: string[], options: ExpertCommandOptions) => runExpert(name, options, io));
}
