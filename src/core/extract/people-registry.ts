/**
 * The people of one document while it is analysed: individuals (found by the people pass) and the
 * collective voices, governments, organisations and media that the attribution pass meets as speakers.
 * Holds every mention with its span, so later passes can ask "who is named here?".
 */
import type { Person, PersonType } from '../model/schema.ts';
import type { Span } from '../text/span.ts';

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

export class PeopleRegistry {
  readonly people: DraftPerson[] = [];
  private readonly mentionList: Mention[] = [];
  private sorted = true;
  private readonly byKey = new Map<string, DraftPerson>();

  constructor(readonly text: string) {}

  addPerson(p: { name: string; organization: string | null; title: string | null; latin?: string | null; role?: Person['role']; surname?: string; type?: PersonType }): DraftPerson {
    const key = `${p.type ?? 'person'}:${p.name.replace(/\s+/g, '')}`;
    const existing = this.byKey.get(key);
    if (existing) {
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
    const same = this.mentionList.find((x) => x.person === person && x.start === span.start && x.end === span.end);
    if (same) return same;
    const m: Mention = { start: span.start, end: span.end, person, descriptor, pronoun };
    person.mentions.push({ start: span.start, end: span.end });
    const last = this.mentionList[this.mentionList.length - 1];
    if (last && last.start > span.start) this.sorted = false;
    this.mentionList.push(m);
    return m;
  }

  mentions(): Mention[] {
    if (!this.sorted) {
      this.mentionList.sort((a, b) => a.start - b.start);
      this.sorted = true;
    }
    return this.mentionList;
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
    return this.mentions().filter((m) => m.start >= start && m.start < end);
  }

  /** The mention that ends exactly at `at` (ignoring white space), if any. */
  mentionEndingAt(at: number): Mention | undefined {
    let i = at;
    while (i > 0 && /\s/.test(this.text[i - 1]!)) i--;
    return this.mentionsEndingAt(i)[0];
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
    return this.people.find((p) => p.type === 'person' && p.surname === surname);
  }

  /** The person with this surname whose latest mention before `at` is the most recent. */
  latestWithSurname(surname: string, at: number): DraftPerson | undefined {
    let best: DraftPerson | undefined;
    let bestAt = -1;
    for (const p of this.people) {
      if (p.type !== 'person' || p.surname !== surname) continue;
      const before = p.mentions.filter((m) => m.start < at).map((m) => m.start);
      const last = before.length ? Math.max(...before) : -1;
      if (last > bestAt) { bestAt = last; best = p; }
    }
    // A short form before any full mention still refers to the only person with that surname.
    return best ?? this.people.find((p) => p.type === 'person' && p.surname === surname);
  }

  /** The last `count` distinct individuals mentioned before `at` (for 同氏 and 両氏). */
  lastMentionBefore(at: number, count: number): DraftPerson[] {
    const out: DraftPerson[] = [];
    const ms = this.mentions();
    for (let i = ms.length - 1; i >= 0 && out.length < count; i--) {
      const m = ms[i]!;
      if (m.start < at && m.person.type === 'person' && m.person.role !== 'author' && !out.includes(m.person)) out.push(m.person);
    }
    return out.reverse();
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
  return name.split(/[・\s]/).pop() ?? name;
}
