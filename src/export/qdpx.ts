/**
 * A REFI-QDA project (.qdpx: a zip holding project.qde and the sources) for NVivo, ATLAS.ti, MAXQDA and
 * QualCoder: each document a text source (Sources/<guid>.txt, UTF-8), a code per speaker (under
 * "Speakers") and per kind of claim (under "Kinds"), each claim a coded selection with its offsets, the
 * analysts (and mikata itself) as users, and each correction a note on the selection it made. A rejected
 * claim keeps its selection, coded "Rejected" rather than with its speaker, so that the record is complete
 * without counting it as that person's view.
 *
 * REFI-QDA counts positions in Unicode characters (code points); mikata counts UTF-16 code units. They differ
 * only after a character outside the BMP (𠮷), and are converted here and back in qdpx-read.ts.
 * GUIDs are UUIDv5 of stable names, so a re-export names the same codes, sources and selections.
 * Pure: ExportDataset → bytes.
 */
import { zipSync } from 'fflate';
import { uuidv5 } from './_uuid.ts';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, type Credibility } from '../core/grading/grades.ts';
import { claimGrading, claimNames, claimReview, documentLabel, indexDataset, type ExportDataset } from './dataset.ts';

const guid = (name: string) => uuidv5(`qdpx:${name}`);

export const xmlEscape = (s: string) => s
  .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
  // Characters XML 1.0 cannot hold at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

/** UTF-16 offsets → code point offsets for one text (identity when it has no surrogate pairs). */
export function codePointIndex(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (o) => o;
  const pairsBefore = new Uint32Array(text.length + 1);
  for (let i = 0, n = 0; i < text.length; i++) {
    pairsBefore[i] = n;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) n++;
    pairsBefore[i + 1] = n;
  }
  return (o) => o - pairsBefore[o]!;
}

const KIND_COLORS: Record<string, string> = { quote: '#C0392B', reported: '#2980B9', according_to: '#27AE60' };
/** Confirmed green through improbable red; cannot be judged grey. */
const CREDIBILITY_COLORS: Record<Credibility, string> = { '1': '#1E8449', '2': '#52BE80', '3': '#F4D03F', '4': '#E67E22', '5': '#C0392B', '6': '#95A5A6' };

function speakerColor(key: string): string {
  // A colour from the key, so that a speaker keeps theirs across exports.
  const h = uuidv5(`color:${key}`).replace(/-/g, '');
  return `#${h.slice(0, 6).toUpperCase()}`;
}

const time = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function buildProjectXml(data: ExportDataset): { xml: string; sources: { path: string; text: string }[] } {
  const index = indexDataset(data);
  const names = claimNames(data);
  const MACHINE = 'mikata';
  const users = new Set<string>([MACHINE]);
  if (data.analyst) users.add(data.analyst);
  for (const c of data.corrections) users.add(c.by);
  const userGuids = new Map<string, string>();
  const userGuid = (name: string) => {
    let g = userGuids.get(name);
    if (!g) userGuids.set(name, (g = guid(`user:${name}`)));
    return g;
  };

  const speakerCodes = new Map<string, string>();
  for (const c of data.claims) for (const k of c.speakers) if (!speakerCodes.has(k)) speakerCodes.set(k, guid(`code:speaker:${k}`));
  const kinds = [...new Set(data.claims.map((c) => c.kind))].sort();
  const kindCodes = new Map(kinds.map((k) => [k, guid(`code:kind:${k}`)]));
  const rejectedCode = guid('code:review:rejected');

  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${xmlEscape(data.title)}" origin="mikata" creatingUserGUID="${userGuid(data.analyst ?? MACHINE)}" creationDateTime="${time(data.generatedAt)}">`,
    '  <Users>',
    ...[...users].map((u) => `    <User guid="${userGuid(u)}" name="${xmlEscape(u)}"/>`),
    '  </Users>',
    '  <CodeBook>',
    '    <Codes>',
    `      <Code guid="${guid('code:speakers')}" name="Speakers" isCodable="false">`,
    '        <Description>Who said it: one code per speaker (person, group, government or organisation).</Description>',
  ];
  for (const [key, g] of speakerCodes) {
    const p = index.person.get(key)!;
    const about = [
      p.forms.map((f) => f.form).join(' / '), p.organization, p.post, p.identity ? `mikata ${p.identity}` : null,
      p.reliability ? `reliability ${p.reliability.value} (${RELIABILITY_LABEL[p.reliability.value].en}; ${p.reliability.by}${p.reliability.why ? `: ${p.reliability.why}` : ''})` : null,
      ...(p.caveats ?? []).map((k) => `caveat: ${k.label.en}`),
    ].filter(Boolean).join('; ');
    out.push(`        <Code guid="${g}" name="${xmlEscape(p.name)}" isCodable="true" color="${speakerColor(key)}">`, `          <Description>${xmlEscape(about)}</Description>`, '        </Code>');
  }
  out.push('      </Code>');
  out.push(`      <Code guid="${guid('code:kinds')}" name="Kinds" isCodable="false">`, '        <Description>How the claim is reported: quote, reported speech, according to.</Description>');
  for (const k of kinds) out.push(`        <Code guid="${kindCodes.get(k)}" name="${xmlEscape(k)}" isCodable="true" color="${KIND_COLORS[k] ?? '#7F8C8D'}"/>`);
  out.push('      </Code>');
  out.push(`      <Code guid="${rejectedCode}" name="Rejected" isCodable="true" color="#7F8C8D">`, '        <Description>A machine claim an analyst rejected: kept for the record, not coded with its speaker.</Description>', '      </Code>');
  // The analyst's credibility grades (Admiralty system), as codes a QDA program can filter by: one per grade used.
  const credibilities = [...new Set(data.claims.map((c) => c.credibility?.value).filter((v): v is Credibility => !!v))].sort();
  const credibilityCodes = new Map(credibilities.map((v) => [v, guid(`code:credibility:${v}`)]));
  if (credibilities.length) {
    out.push(`      <Code guid="${guid('code:credibility')}" name="Credibility" isCodable="false">`, '        <Description>The analyst\'s grade of the information (Admiralty system, 1 confirmed … 6 cannot be judged).</Description>');
    for (const v of credibilities) out.push(`        <Code guid="${credibilityCodes.get(v)}" name="${v} ${xmlEscape(CREDIBILITY_LABEL[v].en)}" isCodable="true" color="${CREDIBILITY_COLORS[v]}"/>`);
    out.push('      </Code>');
  }
  out.push('    </Codes>', '  </CodeBook>');

  const sources: { path: string; text: string }[] = [];
  const noteXml: string[] = [];
  const notesWritten = new Set<string>();
  out.push('  <Sources>');
  for (const d of data.documents) {
    const sg = guid(`source:${d.hash}`);
    const path = `${sg}.txt`;
    sources.push({ path, text: d.text });
    const cp = codePointIndex(d.text);
    out.push(`    <TextSource guid="${sg}" name="${xmlEscape(documentLabel(d))}" plainTextPath="internal://${path}" creatingUser="${userGuid(MACHINE)}" creationDateTime="${time(d.addedAt)}">`);
    const about = [d.title, d.date, d.series, d.number, d.authors.map((a) => a.name).join(', '), d.name, `mikata ${d.id}`].filter(Boolean).join('; ');
    out.push(`      <Description>${xmlEscape(about)}</Description>`);
    for (const c of index.claimsOf(d.id)) {
      const review = claimReview(c, index.correction);
      const creator = userGuid(review.by ?? MACHINE);
      const at = time(review.at ?? d.analyzedAt);
      const who = c.speakers.map((k) => index.person.get(k)!.name).join(' & ') || '—';
      const graded = claimGrading(c, index.person);
      const sel = guid(`selection:${names.get(c)}`);
      const description = [
        `${who}: ${c.kind}`, c.cue ? `cue ${c.cue.text}` : null, c.footnotes.length ? `notes ${c.footnotes.join(', ')}` : null,
        c.hedges.length ? `hedges ${c.hedges.join(', ')}` : null, c.section ? `section ${c.section}` : null, `status ${c.status}`,
        graded.notation ? `grade ${graded.notation}` : null, ...graded.caveats.map((k) => `caveat: ${k.label.en}`), `mikata ${d.id} ${c.id}`,
      ].filter(Boolean).join('; ');
      out.push(`      <PlainTextSelection guid="${sel}" name="${xmlEscape(who)}" startPosition="${cp(c.content.start)}" endPosition="${cp(c.content.end)}" creatingUser="${creator}" creationDateTime="${at}">`);
      out.push(`        <Description>${xmlEscape(description)}</Description>`);
      const codes = c.status === 'rejected' ? [rejectedCode] : [...c.speakers.map((k) => speakerCodes.get(k)!), kindCodes.get(c.kind)!];
      if (c.status !== 'rejected' && c.credibility) codes.push(credibilityCodes.get(c.credibility.value)!);
      for (const code of codes) {
        out.push(`        <Coding guid="${guid(`coding:${names.get(c)}:${code}`)}" creatingUser="${creator}" creationDateTime="${at}">`, `          <CodeRef targetGUID="${code}"/>`, '        </Coding>');
      }
      for (const ref of c.corrections) {
        const k = index.correction.get(ref);
        if (!k) continue;
        const ng = guid(`note:${d.hash}:${ref}`);
        out.push(`        <NoteRef targetGUID="${ng}"/>`);
        if (notesWritten.has(ng)) continue;
        notesWritten.add(ng);
        noteXml.push(
          `    <Note guid="${ng}" name="${xmlEscape(`${k.action} ${ref}`)}" creatingUser="${userGuid(k.by)}" creationDateTime="${time(k.at)}">`,
          `      <PlainTextContent>${xmlEscape(`${k.action} by ${k.by} at ${k.at}${k.status === 'withdrawn' ? ' (withdrawn)' : ''}${k.why ? `: ${k.why}` : ''}`)}</PlainTextContent>`,
          '    </Note>',
        );
      }
      out.push('      </PlainTextSelection>');
    }
    out.push('    </TextSource>');
  }
  out.push('  </Sources>');
  if (noteXml.length) out.push('  <Notes>', ...noteXml, '  </Notes>');
  out.push('</Project>', '');
  return { xml: out.join('\n'), sources };
}

/**
 * @example
 * const bytes = renderQdpx(data); // a zip: project.qde, Sources/<guid>.txt …
 */
export function renderQdpx(data: ExportDataset): Uint8Array {
  const { xml, sources } = buildProjectXml(data);
  const enc = new TextEncoder();
  const mtime = new Date(data.generatedAt);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = { 'project.qde': [enc.encode(xml), { mtime }] };
  for (const s of sources) files[`Sources/${s.path}`] = [enc.encode(s.text), { mtime }];
  return zipSync(files, { level: 6 });
}
