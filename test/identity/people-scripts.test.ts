/**
 * Measures identity matching on real people of security-policy writing (people-scripts.json): every name
 * form of every person is looked up against records that hold all the other forms, and must find its
 * person first; no lookup may call a different person 'same'.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SAME_THRESHOLD,
  compareNames,
  createIdentityIndex,
  matchIdentity,
  type IdentityRecord,
} from '../../src/core/identity/match.ts';
import { parseName } from '../../src/core/identity/names.ts';
import { latinToKey } from '../../src/core/identity/transliterate.ts';

interface Person {
  id: string;
  organization?: string;
  katakana?: string[];
  latin?: string[];
  cyrillic?: string[];
  native?: string[];
}

const people: Person[] = JSON.parse(readFileSync(new URL('./people-scripts.json', import.meta.url), 'utf8')).people;

const SCRIPTS = ['katakana', 'latin', 'cyrillic'] as const;
type QueryScript = (typeof SCRIPTS)[number];
const formsOf = (p: Person): { form: string; script: QueryScript }[] =>
  SCRIPTS.flatMap((script) => (p[script] ?? []).map((form) => ({ form, script })));
const allNames = (p: Person): string[] => [...formsOf(p).map((f) => f.form), ...(p.native ?? [])];
const recordOf = (p: Person, without?: string): IdentityRecord => ({
  id: p.id,
  names: allNames(p).filter((n) => n !== without),
  organization: p.organization ?? null,
});
const surnameKey = (p: Person): string => latinToKey(parseName(p.latin![0]!).surname);

test('people-scripts.json: at least 70 people, each in two or more of katakana, Latin and Cyrillic', () => {
  assert.ok(people.length >= 70, `${people.length} people`);
  assert.equal(new Set(people.map((p) => p.id)).size, people.length, 'ids are unique');
  for (const p of people) {
    const scripts = SCRIPTS.filter((s) => (p[s] ?? []).length > 0);
    assert.ok(scripts.length >= 2, `${p.id}: ${scripts.join(', ')}`);
    assert.ok((p.latin ?? []).length >= 1, `${p.id} has a Latin form`);
  }
  const withInitials = people.filter((p) => (p.latin ?? []).some((n) => parseName(n).initials.length > 0));
  assert.ok(withInitials.length >= 60, `${withInitials.length} people with an initialised Latin form`);
  // People who share a surname are what makes 'same' hard.
  const bySurname = new Map<string, string[]>();
  for (const p of people) bySurname.set(surnameKey(p), [...(bySurname.get(surnameKey(p)) ?? []), p.id]);
  const shared = [...bySurname.values()].filter((ids) => ids.length > 1);
  assert.ok(shared.length >= 4, `${shared.length} shared surnames`);
  for (const surname of ['Ivanov', 'Lukin', 'Kim']) {
    assert.ok((bySurname.get(latinToKey(surname)) ?? []).length >= 2, `two or more people named ${surname}`);
  }
});

test('every form finds its person first (recall@1 >= 0.9), and no lookup calls another person same', (t) => {
  const index = createIdentityIndex(people.map((p) => recordOf(p)));
  let hits = 0;
  let total = 0;
  let sameForRight = 0;
  const falseSame: string[] = [];
  const misses: string[] = [];
  const byScript = new Map<QueryScript, { hits: number; total: number }>();
  for (const p of people) {
    for (const { form, script } of formsOf(p)) {
      // The person's record holds every form but the one looked up.
      index.add(recordOf(p, form));
      const results = index.find(form);
      index.add(recordOf(p));
      total++;
      const tally = byScript.get(script) ?? { hits: 0, total: 0 };
      tally.total++;
      if (results[0]?.id === p.id) {
        hits++;
        tally.hits++;
        if (results[0].decision === 'same') sameForRight++;
      } else {
        misses.push(`${form} → ${results[0] ? `${results[0].id} (${results[0].decision})` : 'nothing'}`);
      }
      byScript.set(script, tally);
      for (const r of results) if (r.decision === 'same' && r.id !== p.id) falseSame.push(`${form} → ${r.id}`);
    }
  }
  const recall = hits / total;
  t.diagnostic(`recall@1 = ${recall.toFixed(3)} (${hits}/${total} name forms of ${people.length} people)`);
  for (const [script, s] of byScript) t.diagnostic(`recall@1 ${script} = ${(s.hits / s.total).toFixed(3)} (${s.hits}/${s.total})`);
  t.diagnostic(`'same' for the right person: ${sameForRight}/${total}; 'same' for another person: ${falseSame.length}`);
  if (misses.length > 0) t.diagnostic(`missed: ${misses.join('; ')}`);
  assert.ok(recall >= 0.9, `recall@1 ${recall}`);
  assert.deepEqual(falseSame, []);
});

test('people who share a surname are never the same, form against form', () => {
  const groups = new Map<string, Person[]>();
  for (const p of people) groups.set(surnameKey(p), [...(groups.get(surnameKey(p)) ?? []), p]);
  let pairs = 0;
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        for (const a of allNames(group[i]!)) {
          for (const b of allNames(group[j]!)) {
            pairs++;
            const { score, evidence } = compareNames(a, b);
            assert.ok(score < SAME_THRESHOLD, `${a} | ${b}: ${score} ${evidence.join('; ')}`);
          }
        }
      }
    }
  }
  assert.ok(pairs > 50, `${pairs} pairs compared`);
});

test('the index gives what a full scan gives', () => {
  const records = people.map((p) => recordOf(p));
  const index = createIdentityIndex(records);
  const queries = people.flatMap((p) => formsOf(p).map((f) => f.form)).filter((_, i) => i % 9 === 0);
  queries.push('Ivanov', 'ルーキン', 'Kim', 'Nobody', '金与正', '김 여정');
  for (const q of queries) assert.deepEqual(index.find(q), matchIdentity({ names: [q] }, records), q);
});

test('kanji and hangul forms match the record that holds them, with or without a space', () => {
  const index = createIdentityIndex(people.map((p) => recordOf(p)));
  let checked = 0;
  for (const p of people) {
    for (const native of p.native ?? []) {
      const chars = [...native];
      const spaced = `${chars[0]} ${chars.slice(1).join('')}`;
      for (const q of [native, spaced]) {
        const res = index.find(q);
        assert.equal(res[0]?.id, p.id, q);
        assert.equal(res[0]?.decision, 'same', q);
      }
      checked++;
    }
  }
  assert.ok(checked >= 10);
});
