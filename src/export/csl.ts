/**
 * The sources the notes cite, as CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)
 * for Zotero and every citation processor: one item per distinct note text, with author, title, container,
 * volume, issue, pages, date, URL and type parsed from it, and the raw note always kept in `note` (parsing a
 * free-text note is a guess; the note is the record). "Ibid." and 同上 add no item: they cite the item of
 * the note before. `annote` says which notes of which document cite the item. Pure: ExportDataset → string.
 */
import { documentLabel, type ExportDataset } from './dataset.ts';

type CslName = { family?: string; given?: string; literal?: string };
type CslDate = { 'date-parts': (number)[][] };

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  note: string;
  annote?: string;
}

export type ParsedNote = Omit<CslItem, 'id' | 'note' | 'annote' | 'language'>;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** A note that only points back at the note before it. */
export function isIbid(note: string): boolean {
  // "Ibid., p. 5" and 同上、12頁 still point back; a longer note that merely starts so does not.
  return /^\s*(?:ibid(?:em)?\.?|там же\.?|同上|同右|同前)\s*(?:[,、，.。]|$)/i.test(note) && note.replace(/[\s.。,、]/g, '').length <= 24;
}

const parts = (...xs: (string | undefined)[]): number[] => xs.filter((x): x is string => !!x).map(Number);

/** The dates in a note, each with whether it is an access date (閲覧, accessed, просмотрено). */
function findDates(s: string): { parts: number[]; at: number; accessed: boolean }[] {
  const out: { parts: number[]; at: number; end: number }[] = [];
  const take = (re: RegExp, f: (m: RegExpExecArray) => number[]) => {
    for (const m of s.matchAll(re)) {
      const at = m.index!;
      const end = at + m[0].length;
      if (out.some((d) => at < d.end && end > d.at)) continue;
      const p = f(m as RegExpExecArray);
      if (p[0]! >= 1800 && p[0]! <= 2100) out.push({ parts: p, at, end });
    }
  };
  take(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (m) => parts(m[1], m[2], m[3]));
  take(/(\d{4})年(\d{1,2})月/g, (m) => parts(m[1], m[2]));
  take(/(\d{4})-(\d{2})-(\d{2})/g, (m) => parts(m[1], m[2], m[3]));
  take(/(\d{1,2})\.(\d{1,2})\.(\d{4})/g, (m) => parts(m[3], m[2], m[1]));
  take(new RegExp(`${MONTH}\\s+(\\d{1,2}),\\s*(\\d{4})`, 'gi'), (m) => [Number(m[3]), MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, Number(m[2])]);
  take(new RegExp(`(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'gi'), (m) => [Number(m[3]), MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, Number(m[1])]);
  take(new RegExp(`${MONTH}\\s+(\\d{4})`, 'gi'), (m) => [Number(m[2]), MONTHS[m[1]!.slice(0, 3).toLowerCase()]!]);
  take(/(?<![\d.])(\d{4})年?(?![\d-]|\.\d)/g, (m) => parts(m[1]));
  return out.sort((a, b) => a.at - b.at).map((d) => ({
    parts: d.parts, at: d.at,
    accessed: /閲覧|アクセス|accessed|retrieved|просмотр|обращения/i.test(s.slice(Math.max(0, d.at - 24), d.end + 6)),
  }));
}

function parseName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').replace(/^[,、\s]+|[,、.\s]+$/g, '').replace(/\s*(ed|eds|編|著|監修)\.?$/i, '');
  if (/^[A-Za-z\u00C0-\u024F\u0400-\u04FF.'’ -]+$/.test(name) && name.includes(' ')) {
    const words = name.split(' ');
    return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
  }
  const inverted = /^([A-Za-z\u00C0-\u024F\u0400-\u04FF'’-]+),\s*([A-Za-z\u00C0-\u024F\u0400-\u04FF. '’-]+)$/.exec(name);
  if (inverted) return { family: inverted[1]!, given: inverted[2]! };
  return { literal: name };
}

function parseAuthors(raw: string): CslName[] {
  const s = raw.replace(/[,、:：\s]+$/, '').trim();
  if (!s || s.length > 120) return [];
  return s.split(/\s*(?:;|、|\band\b|&|\bи\b)\s*/).filter((x) => x.trim()).map(parseName).filter((n) => n.literal !== '');
}

/**
 * Reads author, title, container, volume, issue, pages, dates, URL and type out of one note's text.
 *
 * @example
 * parseNoteCitation('A. Smith, "Sea Lanes," Maritime Review, Vol. 3 (2024).');
 * // { type: 'article-journal', author: [{ family: 'Smith', given: 'A.' }], title: 'Sea Lanes', 'container-title': 'Maritime Review', volume: '3', issued: { 'date-parts': [[2024]] } }
 */
export function parseNoteCitation(note: string): ParsedNote {
  const text = note.replace(/\s+/g, ' ').trim();
  const item: ParsedNote = { type: 'document' };
  const url = /https?:\/\/[^\s<>"'「」『』()（）]+/.exec(text);
  if (url) item.URL = url[0].replace(/[.,;:。、]+$/, '');
  const rest = url ? text.slice(0, url.index) + text.slice(url.index + url[0].length) : text;

  // Japanese: 著者「論文」『誌名』… or 著者『書名』…; elsewhere: Author, "Title," Container, … (or «…»).
  const ja = /^(.*?)「([^」]+)」(?:[、,]?\s*(?:『([^』]+)』))?/.exec(rest);
  const book = /^(.*?)『([^』]+)』/.exec(rest);
  const quoted = /^(.*?)(?:"([^"]+)"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”])/.exec(rest);
  // Whichever kind of title mark comes first decides how the note is read.
  const first = [ja, book, quoted].map((m) => (m ? m[1]!.length : Infinity));
  const pick = first.indexOf(Math.min(...first));
  let after = '';
  if (ja && pick === 0) {
    item.title = ja[2]!.trim();
    if (ja[3]) item['container-title'] = ja[3].trim();
    const authors = parseAuthors(ja[1]!);
    if (authors.length) item.author = authors;
    after = rest.slice(ja[0].length);
  } else if (book && pick === 1) {
    item.title = book[2]!.trim();
    const authors = parseAuthors(book[1]!);
    if (authors.length) item.author = authors;
    after = rest.slice(book[0].length);
    item.type = 'book';
    const publisher = /^[、,\s]*([^、,\d(（]{2,40}?)[、,]/.exec(after);
    if (publisher) item.publisher = publisher[1]!.trim();
  } else if (quoted && pick === 2) {
    item.title = (quoted[2] ?? quoted[3] ?? quoted[4] ?? quoted[5])!.replace(/[,.]$/, '').trim();
    const authors = parseAuthors(quoted[1]!);
    if (authors.length) item.author = authors;
    after = rest.slice(quoted[0].length).replace(/^[,.\s]+/, '');
    const container = /^([^,(\d][^,(]*?)(?=,|\s*\(|\s+Vol\b|\s+No\b|\s+\d{4}|\.$|$)/.exec(after);
    if (container && !/^(pp?\.|vol\.|no\.|accessed|retrieved)/i.test(container[1]!.trim()) && container[1]!.trim().length > 1) {
      item['container-title'] = container[1]!.trim().replace(/[.,]$/, '');
    }
  } else {
    // No quoted title: a plain note (an interview, a press report, a web page) is its own title.
    item.title = rest.replace(/[。.\s]+$/, '').trim();
  }

  const volume = /\bVol\.?\s*(\d+)|第(\d+)巻|Т\.\s*(\d+)/i.exec(after);
  if (volume) item.volume = volume[1] ?? volume[2] ?? volume[3];
  const issue = /\bNo\.?\s*(\d+)|第(\d+)号|№\s*(\d+)/i.exec(after);
  if (issue) item.issue = issue[1] ?? issue[2] ?? issue[3];
  const page = /\bpp?\.\s*(\d+(?:\s*[-–]\s*\d+)?)|(\d+(?:[-–〜~]\d+)?)(?:頁|ページ)|С\.\s*(\d+(?:[-–]\d+)?)/.exec(after);
  if (page) item.page = (page[1] ?? page[2] ?? page[3])!.replace(/\s+/g, '').replace(/[–〜~]/g, '-');

  for (const d of findDates(rest)) {
    if (d.accessed) item.accessed ??= { 'date-parts': [d.parts] };
    else item.issued ??= { 'date-parts': [d.parts] };
  }

  if (/interview|インタビュー|интервью/i.test(text)) item.type = 'interview';
  else if (item.type === 'book') { /* kept */ } else if (item['container-title'] && (item.volume || item.issue || item.page)) item.type = 'article-journal';
  else if (item['container-title']) item.type = 'article';
  else if (item.URL) item.type = 'webpage';
  else if (/report|報告書|доклад/i.test(text)) item.type = 'report';
  return item;
}

const languageOf = (s: string, fallback: string) => (/[\u0400-\u04FF]/.test(s) ? 'ru' : /[\u3040-\u30FF\u4E00-\u9FFF]/.test(s) ? 'ja' : /[A-Za-z]/.test(s) ? 'en' : fallback);

/**
 * @example
 * JSON.parse(renderCsl(data))[0]; // { id: '3f2a9c1b7d4e-n2', type: 'article-journal', title: '…', note: '<the note as written>' }
 */
export function renderCsl(data: ExportDataset): string {
  const items = new Map<string, CslItem>();
  const citedBy = new Map<string, string[]>();
  for (const d of data.documents) {
    let previous: string | null = null;
    for (const n of d.notes) {
      if (!n.text) continue;
      let key: string | null;
      if (isIbid(n.text)) key = previous;
      else {
        key = n.text.normalize('NFKC').replace(/\s+/g, ' ').trim();
        if (!items.has(key)) {
          items.set(key, { id: `${d.id}-n${n.n}`, ...parseNoteCitation(n.text), language: languageOf(n.text, d.language), note: n.text });
        }
      }
      if (key === null) continue;
      previous = key;
      const list = citedBy.get(key) ?? [];
      list.push(`${documentLabel(d)} (${d.id}), ${d.language === 'ja' ? '注' : 'note '}${n.n}`);
      citedBy.set(key, list);
    }
  }
  const out = [...items.entries()].map(([key, item]) => ({ ...item, annote: `mikata: ${citedBy.get(key)!.join('; ')}` }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
