/**
 * The people of one document while it is analysed: individuals (found by the people pass) and the
 * collective voices, governments, organisations and media that the attribution pass meets as speakers.
 * Holds every mention with its span, so later passes can ask "who is named here?".
 */
import type { Person, PersonType } from '../model/schema.ts';
import type { Span } from '../text/span.ts';
import { foldKanjiVariants } from '../text/chars.ts';

export interface DraftPerson {
  id: string;
  type: PersonType;
  role: Person['role'];
  name: string;
  aliases: Set<string>;
  latin: string | null;
  organization: string | null;
  title: string | null;
  surname: string;
  mentions: Span[];
}

export interface Mention extends Span {
  person: DraftPerson;
  /** The descriptor written before the name (organisation, post), when there is one. */
  descriptor?: Span;
  /** A pronoun (同氏, 両氏) that refers to the person. */
  pronoun?: string;
}

/** A body's kind written before its proper name in katakana or Latin letters (イスラム組織|ハマス, 過激派組織|IS). */
const KIND_BEFORE_NAME = /^[\u30A1-\u30FA\u30FC\u4e00-\u9fff]{0,8}(?:組織|勢力|団体|武装集団|民兵|軍事会社|グループ)(?=[\u30A1-\u30FA\u30FC]{2}|[A-Z]{2})/;

export class PeopleRegistry {
  readonly people: DraftPerson[] = [];
  private readonly mentionList: Mention[] = [];
  private readonly byKey = new Map<string, DraftPerson>();

  constructor(readonly text: string) {}

  addPerson(p: { name: string; organization: string | null; title: string | null; latin?: string | null; role?: Person['role']; surname?: string; type?: PersonType }): DraftPerson {
    // (One key for a name in old and new kanji, 赤澤 and 赤沢: the other spelling is an alias.)
    const key = `${p.type ?? 'person'}:${foldKanjiVariants(p.name.replace(/\s+/g, ''))}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (p.name !== existing.name && p.name.replace(/\s+/g, '') !== existing.name.replace(/\s+/g, '')) existing.aliases.add(p.name);
      existing.organization ??= p.organization;
      existing.title ??= p.title;
      existing.latin ??= p.latin ?? null;
      if (p.role === 'author') existing.role = 'author';
      return existing;
    }
    const person: DraftPerson = {
      id: `p${this.people.length + 1}`,
      type: p.type ?? 'person',
      role: p.role ?? 'mentioned',
      name: p.name,
      aliases: new Set(),
      latin: p.latin ?? null,
      organization: p.organization,
      title: p.title,
      surname: p.surname ?? defaultSurname(p.name),
      mentions: [],
    };
    if (person.type === 'person' && /[・]/.test(p.name)) person.aliases.add(person.surname);
    if (/\s/.test(p.name) && /[\u3040-\u9fff]/.test(p.name)) person.aliases.add(p.name.replace(/\s+/g, ''));
    // (イスラム組織ハマス, 民間軍事会社ワグネルの報道官: the kind of body written before its name is no part of the name.)
    const kind = KIND_BEFORE_NAME.exec(p.name);
    if (kind) person.aliases.add(p.name.slice(kind[0].length));
    this.people.push(person);
    this.byKey.set(key, person);
    return person;
  }

  addAlias(person: DraftPerson, alias: string): void {
    if (alias && alias !== person.name) person.aliases.add(alias);
  }

  addMention(person: DraftPerson, span: Span, descriptor?: Span, pronoun?: string): Mention {
    if (span.start < 0 || span.end > this.text.length || span.end < span.start) {
      throw new RangeError(`mention [${span.start}, ${span.end}) is outside the text`);
    }
    if (this.pending) {
      // In a batch: collect, and merge once at the end (see `batch`).
      const m: Mention = { start: span.start, end: span.end, person, descriptor, pronoun };
      this.pending.push(m);
      return m;
    }
    // Mentions stay sorted by start: insert in place (almost always at the end, as passes go in text order).
    let at = this.mentionList.length;
    if (at > 0 && this.mentionList[at - 1]!.start > span.start) {
      // Upper bound of span.start by binary search.
      let lo = 0;
      let hi = at;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.mentionList[mid]!.start <= span.start) lo = mid + 1;
        else hi = mid;
      }
      at = lo;
    }
    for (let k = at - 1; k >= 0 && this.mentionList[k]!.start === span.start; k--) {
      const x = this.mentionList[k]!;
      if (x.person === person && x.end === span.end) return x;
    }
    const m: Mention = { start: span.start, end: span.end, person, descriptor, pronoun };
    person.mentions.push({ start: span.start, end: span.end });
    if (at === this.mentionList.length) this.mentionList.push(m);
    else this.mentionList.splice(at, 0, m);
    const list = this.byEnd?.get(m.end);
    if (this.byEnd) {
      if (list) list.push(m);
      else this.byEnd.set(m.end, [m]);
      this.byEndSize = this.mentionList.length;
    }
    return m;
  }

  /**
   * Runs `fn` with mention additions deferred, then merges them in one sorted pass. For passes that add many
   * mentions in text order between existing ones (short forms): inserting each in place would be quadratic.
   * Queries inside the batch see the mentions from before it.
   */
  batch<T>(fn: () => T): T {
    this.startBatch();
    try {
      return fn();
    } finally {
      this.endBatch();
    }
  }

  /** `batch` for a pass that is not one call (a generator): mentions added until `endBatch` are merged then. */
  startBatch(): void {
    if (this.pending) throw new Error('people registry: a batch is already open');
    this.pending = [];
  }

  endBatch(): void {
    const added = this.pending ?? [];
    this.pending = null;
    this.merge(added);
  }

  private pending: Mention[] | null = null;

  private merge(added: Mention[]): void {
    if (!added.length) return;
    added.sort((a, b) => a.start - b.start);
    for (const m of added) m.person.mentions.push({ start: m.start, end: m.end });
    const old = this.mentionList;
    const merged: Mention[] = new Array(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length || j < added.length) {
      if (j >= added.length || (i < old.length && old[i]!.start <= added[j]!.start)) merged[k++] = old[i++]!;
      else merged[k++] = added[j++]!;
    }
    this.mentionList.length = 0;
    for (const m of merged) this.mentionList.push(m);
    this.byEnd = undefined;
    this.byEndSize = -1;
  }

  /** Every mention, sorted by start. */
  mentions(): Mention[] {
    return this.mentionList;
  }

  /** Index of the first mention that starts at or after `at`. */
  private lowerBound(at: number): number {
    const ms = this.mentionList;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isInsideMention(at: number): boolean {
    // Mentions are short and sorted by start: look back from the last one that starts at or before `at`.
    const ms = this.mentions();
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && at - ms[i]!.start < 200; i--) if (at < ms[i]!.end) return true;
    return false;
  }

  /** Mentions that start inside [start, end), in text order. */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.lowerBound(start); i < this.mentionList.length && this.mentionList[i]!.start < end; i++) out.push(this.mentionList[i]!);
    return out;
  }

  /** Every mention that ends exactly at `at` (a pronoun such as 両氏 stands for several people). */
  mentionsEndingAt(at: number): Mention[] {
    if (!this.byEnd || this.byEndSize !== this.mentionList.length) {
      this.byEnd = new Map();
      for (const m of this.mentionList) {
        const list = this.byEnd.get(m.end) ?? [];
        list.push(m);
        this.byEnd.set(m.end, list);
      }
      this.byEndSize = this.mentionList.length;
    }
    return this.byEnd.get(at) ?? [];
  }

  private byEnd: Map<number, Mention[]> | undefined;
  private byEndSize = -1;

  surnames(): string[] {
    const out = new Set<string>();
    for (const p of this.people) if (p.type === 'person' && p.surname && p.surname.length >= 1) out.add(p.surname);
    return [...out];
  }

  findBySurname(surname: string): DraftPerson | undefined {
    const folded = foldKanjiVariants(surname);
    return this.people.find((p) => p.type === 'person' && (p.surname === surname || foldKanjiVariants(p.surname) === folded));
  }

  /** The person with this surname whose latest mention before `at` is the most recent. */
  latestWithSurname(surname: string, at: number): DraftPerson | undefined {
    let best: DraftPerson | undefined;
    let bestAt = -1;
    const folded = foldKanjiVariants(surname);
    const candidates = this.people.filter((p) => p.type === 'person' && (p.surname === surname || foldKanjiVariants(p.surname) === folded));
    for (const p of candidates) {
      const starts = this.sortedStarts(p);
      // The last mention that starts before `at`, by binary search.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < at) lo = mid + 1;
        else hi = mid;
      }
      const last = lo > 0 ? starts[lo - 1]! : -1;
      if (last > bestAt) { bestAt = last; best = p; }
    }
    // A short form before any full mention still refers to the only person with that surname.
    return best ?? candidates[0];
  }

  private readonly startsCache = new Map<DraftPerson, { n: number; starts: number[] }>();

  /** A person's mention starts in order, kept up to date as mentions are added (mostly at the end: pushed). */
  private sortedStarts(p: DraftPerson): readonly number[] {
    let held = this.startsCache.get(p);
    if (!held) this.startsCache.set(p, (held = { n: 0, starts: [] }));
    const { starts } = held;
    for (; held.n < p.mentions.length; held.n++) {
      const at = p.mentions[held.n]!.start;
      if (!starts.length || starts[starts.length - 1]! <= at) { starts.push(at); continue; }
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      starts.splice(lo, 0, at);
    }
    return starts;
  }

  /** The last `count` distinct individuals mentioned before `at` (for 同氏 and 両氏). */
  lastMentionBefore(at: number, count: number): DraftPerson[] {
    const out: DraftPerson[] = [];
    const ms = this.mentionList;
    for (let i = this.lowerBound(at) - 1; i >= 0 && out.length < count; i--) {
      const m = ms[i]!;
      if (m.person.type === 'person' && m.person.role !== 'author' && !out.includes(m.person)) out.push(m.person);
    }
    return out.reverse();
  }

  /** The person of the last mention before `at` that `accept` takes (a mention outside quotations, say), or undefined. */
  lastPersonMentionBefore(at: number, accept: (m: Mention) => boolean, floor = 0): DraftPerson | undefined {
    const ms = this.mentionList;
    for (let i = this.lowerBound(at) - 1; i >= 0 && ms[i]!.start >= floor; i--) {
      const m = ms[i]!;
      if (m.person.type === 'person' && m.person.role !== 'author' && accept(m)) return m.person;
    }
    return undefined;
  }

  /** A collective voice, government, organisation or medium; one record per normalised name. */
  addCollective(type: PersonType, name: string, span: Span, alias?: string): DraftPerson {
    const p = this.addPerson({ name, organization: null, title: null, type, surname: name });
    if (alias) this.addAlias(p, alias);
    this.addMention(p, span);
    return p;
  }
}

/** The part of a name that later short forms use: the last katakana or Latin part, the first kanji part. */
export function defaultSurname(name: string): string {
  const kanji = /^([\u4e00-\u9fff々]{1,3})[ \u3000]+[\u4e00-\u9fff々]{1,3}$/.exec(name);
  if (kanji) return kanji[1]!;
  const parts = name.split(/[・\s]/);
  // A Korean name in katakana puts the surname first (チョン・ハギュ報道官, later チョン報道官).
  if (parts.length === 2 && KOREAN_SURNAMES.has(parts[0]!)) return parts[0]!;
  return parts.pop() ?? name;
}

/** Korean surnames as Japanese news writes them in katakana: a vocabulary of the genre. */
const KOREAN_SURNAMES = new Set([
  'キム', 'イ', 'リ', 'パク', 'チェ', 'チョン', 'チョ', 'カン', 'ユン', 'チャン', 'イム', 'ハン', 'オ', 'ソ', 'シン', 'クォン', 'ファン', 'アン',
  'ソン', 'ユ', 'ホン', 'コ', 'ムン', 'ヤン', 'ペ', 'ペク', 'ホ', 'ナム', 'シム', 'ノ', 'ハ', 'チュ', 'ウ', 'ク', 'ミン', 'リュ', 'ナ', 'チン',
  'オム', 'ピョン', 'ウォン', 'ヨ', 'チュン', 'ソク', 'ソル', 'マ', 'キル', 'ヨン', 'チャ', 'ト', 'メン', 'パン', 'ワン', 'テ', 'ペン', 'ピ',
]);
