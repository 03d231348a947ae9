/**
 * People last: the speakers of English attributions, made from the source phrases. A name (Sen. Dana Whitfield)
 * becomes a person with its title; a surname alone (Whitfield said) or a title and surname (Ms. Whitfield) is the
 * person last named with that surname; a pronoun (she, he, who) is the last person named before it; a phrase
 * with no name is a collective voice (officials, the campaign, The Ledger) typed as group, organisation or media.
 */
import type { PersonType } from '../../model/schema.ts';
import type { Span } from '../../text/span.ts';
import type { DraftPerson, PeopleRegistry } from '../people-registry.ts';
import { isNameLike } from './source.ts';
import type { Token } from './tokens.ts';

/** Titles and posts written before a name; not part of the name. */
const TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'sen', 'sen.', 'rep', 'rep.', 'gov', 'gov.', 'gen', 'gen.',
  'lt', 'lt.', 'col', 'col.', 'adm', 'adm.', 'amb', 'amb.', 'president', 'senator', 'sen', 'representative', 'governor', 'secretary',
  'mayor', 'judge', 'justice', 'speaker', 'leader', 'chairman', 'chairwoman', 'chair', 'director', 'minister', 'ambassador', 'general',
  'former', 'vice', 'candidate', 'nominee', 'attorney', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor',
  'chief', 'deputy', 'professor', 'rev', 'rev.', 'pastor', 'pope', 'king', 'queen', 'prince', 'sheriff', 'commissioner', 'democrat',
  'republican', 'sens', 'sens.', 'reps', 'reps.', 'the', 'a', 'an', 'gop', 'democratic', 'presidential', 'campaign', 'manager',
  'executive', 'officer', 'analyst', 'strategist', 'pollster', 'economist', 'historian', 'author', 'host', 'anchor', 'reporter',
]);
const MEDIA = /\b(?:Post|Times|News|Journal|Herald|Tribune|Gazette|Ledger|Press|Review|Magazine|Radio|Television|TV|Network|CNN|NBC|ABC|CBS|Fox|MSNBC|NPR|BBC|Reuters|AP|Bloomberg|Politico|Breitbart)\b/;
const ORG = /\b(?:Committee|Department|Ministry|Agency|Bureau|Office|Administration|Council|Commission|Court|Congress|Senate|House|Party|University|Institute|Foundation|Center|Centre|Association|Union|Campaign|Corporation|Company|Inc|Corp|Group|Board|Service|Police|Army|Navy|Force|Forces|Government|Coalition|Caucus|Fund|Bank|Organization|Organisation|Project|Alliance|Network|Council|FBI|F\.B\.I\.|CIA|C\.I\.A\.|EPA|E\.P\.A\.|GOP|NATO|DNC|RNC)\b/;
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'who', 'they', 'we', 'i', 'it', 'which']);

export interface SourceTokens {
  readonly toks: readonly Token[];
  readonly first: number;
  readonly last: number;
  /** Index of the sentence's first token: a capital there says nothing about a name. */
  readonly sentenceFirst: number;
}

/** The people a source phrase stands for, adding its mentions to the registry. */
export function speakersOf(text: string, src: SourceTokens, registry: PeopleRegistry): DraftPerson[] {
  const { toks, first, last } = src;
  const span: Span = { start: toks[first]!.start, end: toks[last]!.end };
  if (first === last && PRONOUNS.has(toks[first]!.lower)) {
    const word = toks[first]!.lower;
    if (word === 'it' || word === 'which') {
      const before = registry.mentionsIn(Math.max(0, span.start - 400), span.start).filter((m) => m.person.type !== 'person');
      const m = before[before.length - 1];
      if (m) { registry.addMention(m.person, span, undefined, word); return [m.person]; }
      return [registry.addCollective('organization', word, span)];
    }
    if (word === 'they' || word === 'we' || word === 'i') return [registry.addCollective('group', word, span)];
    const [p] = registry.lastMentionBefore(span.start, 1);
    if (p) { registry.addMention(p, span, undefined, word); return [p]; }
    return [registry.addCollective('group', word, span)];
  }
  // Only the head of the phrase names the speaker: "a spokesman for the Lake campaign" is the campaign's
  // spokesman, not the campaign; the name run nearest the head is the one that speaks.
  const headEnd = headOf(toks, first, last);
  const run = nameRun(toks, first, headEnd, src.sentenceFirst);
  if (run) {
    const [a, b] = run;
    const name = text.slice(toks[a]!.start, toks[b]!.end).replace(/\s+/g, ' ');
    const nameSpan = { start: toks[a]!.start, end: toks[b]!.end };
    const descriptor = a > first ? text.slice(toks[first]!.start, toks[a - 1]!.end) : null;
    const words = b - a + 1;
    if (MEDIA.test(name)) return [registry.addCollective('media', name.replace(/^The\s+/, ''), span)];
    if (ORG.test(name) || /^[A-Z.&]{2,}$/.test(name) && words === 1 && !descriptor) return [registry.addCollective('organization', name.replace(/^The\s+/, ''), span)];
    if (words === 1) {
      const known = registry.latestWithSurname(name, nameSpan.start);
      if (known) { registry.addMention(known, span); return [known]; }
      // A lone capitalised word opening a sentence (Critics said, Officials said) is a common noun.
      if (a === src.sentenceFirst && !descriptor) return [registry.addCollective('group', name, span)];
    }
    // What follows the name says where the person works and as what: "…, a professor at the X School,",
    // "… of the X Institute".
    const after = text.slice(nameSpan.end, span.end);
    const role = /^,\s*(?:an?|the)\s+([a-z][\w -]*?)\s+(?:at|of|with|for)\s+(?:the\s+)?([A-Z][\w.'’&-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.'’&-]*))*)/.exec(after)
      ?? /^\s+(?:of|at|from)\s+(?:the\s+)?()([A-Z][\w.'’&-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.'’&-]*))*)/.exec(after)
      ?? /^,\s*(?:an?|the)\s+([a-z][\w -]*?)()\s*,?$/.exec(after);
    const organization = role?.[2] === '' ? null : role?.[2]?.replace(/\s+(?:of|for|and|on|the)$/, '') ?? null;
    const title = role?.[1] || (descriptor && descriptor.length < 60 ? descriptor : null);
    const person = registry.addPerson({ name, organization, title, latin: name, surname: name.split(/\s+/).pop() });
    registry.addMention(person, span);
    return [person];
  }
  const phrase = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  // A common noun at the head (South Korean officials, the campaign's lawyers) is a group of people.
  const head = toks[headOf(toks, first, last)]!;
  const type: PersonType = MEDIA.test(phrase) ? 'media' : ORG.test(phrase) ? 'organization' : /^[a-z]/.test(head.text) ? 'group' : 'organization';
  return [registry.addCollective(type, phrase.replace(/^(?:the|a|an)\s+/i, '').replace(/,$/, ''), span)];
}

/** The last token of the phrase's head: before "of/for …" and before an appositive's comma. */
function headOf(toks: readonly Token[], first: number, last: number): number {
  for (let k = first + 1; k <= last; k++) {
    const t = toks[k]!;
    if (t.text === ',' || t.text === '(' || HEAD_ENDS.has(t.lower)) return k - 1;
  }
  return last;
}
const HEAD_ENDS = new Set(['of', 'for', 'at', 'from', 'with', 'by', 'on', 'in']);

/** The run of name words (capitalised, not a title) that ends nearest the head. */
function nameRun(toks: readonly Token[], first: number, last: number, sentenceFirst: number): [number, number] | null {
  let b = last;
  // Possessive heads: "Clinton's campaign" is no name of a speaker; the name must be the head.
  while (b >= first && !isNameWord(toks[b]!, b === sentenceFirst)) {
    if (toks[b]!.pos === 'NOUN' || toks[b]!.pos === 'PRON') return null;
    b--;
  }
  if (b < first) return null;
  let a = b;
  for (;;) {
    if (a - 1 >= first && isNameWord(toks[a - 1]!, a - 1 === sentenceFirst)) a--;
    // Hyphenated names: Self-Defense Force, Smith-Jones.
    else if (a - 2 >= first && toks[a - 1]!.text === '-' && toks[a - 1]!.start === toks[a - 2]!.end && isNameWord(toks[a - 2]!, a - 2 === sentenceFirst)) a -= 2;
    else break;
  }
  return [a, b];
}

function isNameWord(t: Token, sentenceFirst: boolean): boolean {
  if (TITLES.has(t.lower)) return false;
  if (!/^[A-Z]/.test(t.text)) return false;
  return isNameLike(t, false) || (sentenceFirst && t.pos === 'PROPN');
}
