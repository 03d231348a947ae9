/**
 * The readable report of one analysis: for a terminal (plain text, aligned) and as Markdown.
 * Pure: (analysis, source text, options) → string.
 */
import type { Analysis, Attribution } from '../core/model/schema.ts';

export interface ReportOptions {
  markdown: boolean;
  /** ANSI bold headings on a terminal. */
  color?: boolean;
  /** Longest quote shown before it is shortened with … (terminal only; Markdown shows all). */
  width?: number;
}

export function renderReport(analysis: Analysis, text: string, options: ReportOptions): string {
  const md = options.markdown;
  const width = md ? Infinity : options.width ?? 100;
  const out: string[] = [];
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const h = (level: number, s: string) => out.push('', md ? `${'#'.repeat(level)} ${s}` : bold(level === 1 ? s.toUpperCase() : s), md ? '' : '');
  const clip = (s: string) => {
    const one = s.replace(/\s+/g, ' ');
    return one.length > width ? `${one.slice(0, width - 1)}…` : one;
  };
  const esc = (s: string) => (md ? s.replace(/([|*_`\\<>[\]])/g, '\\$1') : s);
  const d = analysis.document;
  const lineOf = lineIndex(text);

  out.push(md ? `# ${esc(d.title ?? 'Untitled document')}` : bold(d.title ?? 'Untitled document'));
  const meta = [d.series && `series: ${d.series}`, d.number && `number: ${d.number}`, d.date && `date: ${d.date}`, `language: ${d.language}`].filter(Boolean);
  out.push('', meta.map((m) => (md ? `- ${esc(m as string)}` : `  ${m}`)).join('\n'));
  for (const a of d.authors) out.push(md ? `- author: ${esc(a.name)}${post(a)}` : `  author: ${a.name}${post(a)}`);

  h(2, 'Outline');
  if (!analysis.sections.length) out.push(md ? '_No headings._' : '  (no headings)');
  for (const s of analysis.sections) {
    const indent = '  '.repeat(s.level - 1);
    out.push(md ? `${indent}- ${esc(s.heading)} (line ${lineOf(s.start)})` : `  ${indent}${s.heading}  [line ${lineOf(s.start)}]`);
  }

  const byId = new Map(analysis.people.map((p) => [p.id, p]));
  if (analysis.people.length) {
    h(2, 'People');
    if (md) out.push('| name | type | role | organisation | post | also written |', '| --- | --- | --- | --- | --- | --- |');
    for (const p of analysis.people) {
      const also = [...p.aliases, ...(p.latin && p.latin !== p.name ? [p.latin] : [])].join(', ');
      out.push(md
        ? `| ${esc(p.name)} | ${p.type} | ${p.role} | ${esc(p.organization ?? '')} | ${esc(p.title ?? '')} | ${esc(also)} |`
        : `  ${p.name}  (${p.type}, ${p.role})${p.organization ? `  org: ${p.organization}` : ''}${p.title ? `  post: ${p.title}` : ''}${also ? `  also: ${also}` : ''}`);
    }
  }

  if (analysis.attributions.length) {
    h(2, 'Who said what');
    const groups = new Map<string, Attribution[]>();
    for (const a of analysis.attributions) {
      const key = a.speakers.join('+');
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    for (const [key, items] of groups) {
      const names = key.split('+').map((id) => byId.get(id)?.name ?? id).join(' & ');
      h(3, `${names} (${items.length})`);
      for (const a of items) {
        const via = a.via.length ? ` via ${a.via.map((id) => byId.get(id)?.name ?? id).join(' & ')}` : '';
        const fn = a.footnotes.length ? ` [${a.footnotes.map((n) => (md ? `^${n}` : n)).join(', ')}]` : '';
        const info = `${a.kind}, ${a.mention}${a.cue ? `, cue 「${a.cue.text}」` : ''}${via}${a.hedges.length ? `, hedged: ${a.hedges.join('/')}` : ''}, confidence ${a.confidence.toFixed(2)}`;
        const where = a.page ? `p. ${a.page}` : `line ${lineOf(a.content.start)}`;
        out.push(md ? `- “${esc(a.content.text)}”${fn} — _${esc(info)}_ (${where})` : `  - ${clip(a.content.text)}${fn}\n      ${info}, ${where}`);
      }
    }
  }
  if (analysis.unattributed.length) {
    h(2, 'Sourced statements with no named source');
    for (const u of analysis.unattributed) {
      const fn = u.footnotes.length ? ` [${u.footnotes.join(', ')}]` : '';
      out.push(md ? `- “${esc(u.content.text)}”${fn} — _${esc(u.reason)}_` : `  - ${clip(u.content.text)}${fn}  (${u.reason})`);
    }
  }

  h(2, `Footnote markers (${analysis.footnotes.length})`);
  const paged = analysis.pages.length > 0;
  if (md && analysis.footnotes.length) out.push(`| n | ${paged ? 'page' : 'line'} | closes the sentence | note |`, '| --- | --- | --- | --- |');
  for (const f of analysis.footnotes) {
    const s = f.sentence !== null ? analysis.sentences[f.sentence] : undefined;
    const sentence = s ? text.slice(s.start, s.end) : '';
    const note = f.note?.text ?? '';
    out.push(md
      ? `| ${f.n} | ${paged ? f.page ?? '' : lineOf(f.start)} | ${esc(sentence.replace(/\s+/g, ' '))} | ${esc(note)} |`
      : `  ${String(f.n).padStart(3)}  ${paged ? `p. ${String(f.page ?? '?').padEnd(3)}` : `line ${String(lineOf(f.start)).padEnd(4)}`} ${clip(sentence)}${note ? `\n        note: ${clip(note)}` : ''}`);
  }

  h(2, `Dates (${analysis.dates.length})`);
  if (md && analysis.dates.length) out.push('| value | as written | approximate | line |', '| --- | --- | --- | --- |');
  for (const x of analysis.dates) {
    out.push(md ? `| ${x.value} | ${esc(x.text)} | ${x.approx ? 'yes' : ''} | ${lineOf(x.start)} |` : `  ${x.value.padEnd(10)}  ${x.text}${x.approx ? '  (approx.)' : ''}  [line ${lineOf(x.start)}]`);
  }

  h(2, `Glossary (${analysis.glossary.length})`);
  if (md && analysis.glossary.length) out.push('| term | gloss |', '| --- | --- |');
  for (const g of analysis.glossary) out.push(md ? `| ${esc(g.term)} | ${esc(g.gloss)} |` : `  ${g.term} = ${g.gloss}`);

  if (analysis.messages.length) {
    h(2, 'Messages');
    for (const m of analysis.messages) out.push(`${md ? '- ' : '  '}${m.fatal ? 'error' : 'warning'}: ${m.reason} (${m.ruleId})`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function post(a: { organization: string | null; title: string | null }): string {
  const s = [a.organization, a.title].filter(Boolean).join(' ');
  return s ? `, ${s}` : '';
}

/** 1-based line number of an offset (derived, not stored: STYLE "line and column are derived"). */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

