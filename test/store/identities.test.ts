/**
 * Corpus identities: name keys and full names (table-driven), and a measurement at corpus level on the
 * people of test/identity/people-scripts.json (real people under katakana, Latin and Cyrillic forms): one
 * document per name form, ingested interleaved; every form must then find its person, and no identity may
 * hold two different people.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Corpus } from '../../src/store/corpus.ts';
import { formsOfPerson, isFullName, nameKey, scriptOf } from '../../src/store/identities.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeAnalysis } from './_fixtures.ts';

describe('name keys and forms', () => {
  const keys: [string, string][] = [
    ['Mikhail Sokolin', 'mikhailsokolin'],
    ['M. V. Sokolin', 'mvsokolin'],
    ['ミハイル・L・ソコリン', 'ミハイルlソコリン'],
    ['ﾐﾊｲﾙ･ｿｺﾘﾝ', 'ミハイルソコリン'],
    ['Соколин, Михаил', 'соколинмихаил'],
    ['洪 在允', '洪在允'],
  ];
  for (const [form, key] of keys) it(`key of ${form} is ${key}`, () => assert.equal(nameKey(form), key));

  const full: [string, boolean][] = [
    ['Mikhail Sokolin', true],
    ['M. Sokolin', true],
    ['Sokolin', false],
    ['ソコリン', false],
    ['ミハイル・ソコリン', true],
    ['Михаил Соколин', true],
    ['Соколин', false],
    ['洪在允', true],
  ];
  for (const [form, expected] of full) it(`${form} is ${expected ? '' : 'not '}a full name`, () => assert.equal(isFullName(form), expected));

  it('tells the script of a form', () => {
    assert.deepEqual(['Sokolin', 'ソコリン', 'Соколин', '洪在允'].map(scriptOf), ['latin', 'katakana', 'cyrillic', 'kanji']);
  });

  it('collects a person\'s forms once each', () => {
    assert.deepEqual(formsOfPerson({ name: 'Taras Bondarenko', latin: 'Taras Bondarenko', aliases: ['Bondarenko', 'bondarenko', ' '] }), ['Taras Bondarenko', 'Bondarenko']);
  });
});

interface ScriptPerson {
  id: string;
  organization?: string;
  katakana?: string[];
  latin?: string[];
  cyrillic?: string[];
  native?: string[];
}

describe('identities across a corpus of real names', () => {
  const people: ScriptPerson[] = JSON.parse(readFileSync(new URL('../identity/people-scripts.json', import.meta.url), 'utf8')).people;
  const formsOf = (p: ScriptPerson) => [...(p.katakana ?? []), ...(p.latin ?? []), ...(p.cyrillic ?? []), ...(p.native ?? [])];

  it('links every spelling of a person and never two people (recall@1 ≥ 0.9, no false merge)', async () => {
    const corpus = new Corpus(await openSqliteStore(':memory:', { create: true }));
    try {
      // One document per full name form, people interleaved, so that namesakes arrive in turn.
      const docs: { person: string; form: string }[] = [];
      const longest = Math.max(...people.map((p) => formsOf(p).length));
      for (let i = 0; i < longest; i++) for (const p of people) if (formsOf(p)[i] && isFullName(formsOf(p)[i]!)) docs.push({ person: p.id, form: formsOf(p)[i]! });
      const items = docs.map((d, i) => {
        const text = `評論 第${i + 1}号\n${d.form}は、地域の安全保障について見解を示した。`;
        return {
          source: { text, format: 'text' as const },
          name: `${d.person}-${i}.txt`,
          analysis: makeAnalysis({
            name: `${d.person}-${i}.txt`, text, date: '2025-01-01', title: null, language: 'ja',
            people: [{ id: 'p1', name: d.form, organization: people.find((p) => p.id === d.person)!.organization ?? null }],
            attributions: [],
          }),
        };
      });
      for (let i = 0; i < items.length; i += 50) await corpus.addSources(items.slice(i, i + 50));

      // Which people each identity holds.
      const holders = new Map<string, Set<string>>();
      const docPerson = new Map(items.map((it, i) => [it.name, docs[i]!.person]));
      const identities = new Map((await corpus.store.loadIdentities()).map((r) => [r.id, r]));
      const current = (id: number) => {
        let r = identities.get(id)!;
        while (r.mergedInto !== null) r = identities.get(r.mergedInto)!;
        return r.ref;
      };
      for (const d of await corpus.documents()) {
        for (const p of await corpus.store.people(d.id)) {
          const ref = current(p.identity!);
          let set = holders.get(ref);
          if (!set) holders.set(ref, (set = new Set()));
          set.add(docPerson.get(d.name!)!);
        }
      }
      const mixed = [...holders.entries()].filter(([, s]) => s.size > 1);
      assert.deepEqual(mixed, [], 'no identity holds two different people');

      // Each person's main identity: the one holding most of their documents.
      const mainOf = new Map<string, string>();
      for (const p of people) {
        const counts = new Map<string, number>();
        for (const [ref, set] of holders) if (set.has(p.id)) counts.set(ref, (counts.get(ref) ?? 0) + 1);
        const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
        if (best) mainOf.set(p.id, best[0]);
      }
      let asked = 0;
      let found = 0;
      const misses: string[] = [];
      for (const p of people) {
        for (const form of formsOf(p)) {
          if (!isFullName(form)) continue;
          asked++;
          const hits = await corpus.findPeople(form);
          if (hits.length > 0 && hits[0]!.exact && hits[0]!.identity.ref === mainOf.get(p.id)) found++;
          else misses.push(`${p.id}: ${form} → ${hits.map((h) => h.identity.ref).join(', ') || 'nothing'}`);
        }
      }
      const recall = found / asked;
      assert.ok(people.length >= 60);
      assert.ok(recall >= 0.9, `recall@1 ${recall.toFixed(3)} (${found}/${asked}); misses:\n${misses.join('\n')}`);
      if (process.env.MIKATA_TEST_VERBOSE) console.log(`corpus recall@1 ${recall.toFixed(3)} (${found}/${asked}), ${holders.size} identities for ${people.length} people`);
    } finally {
      await corpus.close();
    }
  });
});

describe('a namesake that conflicts is proposed, never linked', () => {
  // One invented professor, Yamashina Keiichi, and namesakes the corpus must not fold into him.
  const doc = (name: string, date: string | null, person: { name: string; title?: string; latin?: string; aliases?: string[] }) => {
    const text = `潮見評論 ${name}\n${person.name}は、北の航路について見解を示した。`;
    return {
      source: { text, format: 'text' as const },
      name,
      analysis: makeAnalysis({ name, text, date, title: null, language: 'ja', people: [{ id: 'p1', ...person }], attributions: [] }),
    };
  };

  it('links agreeing mentions and proposes those whose post, name form or date conflicts', async () => {
    // Each namesake meets the professor alone (in a corpus of its own), so that no earlier namesake makes the
    // name ambiguous before the check is reached.
    const cases: [string, string | null, Parameters<typeof doc>[2], RegExp | null][] = [
      ['emeritus.txt', '2025-01-10', { name: '山科恵一', title: '名誉教授' }, null], // one calling
      ['former.txt', '2025-02-10', { name: '山科恵一', title: '元陸軍大佐' }, null], // a former post is no conflict
      ['press.txt', '2025-03-01', { name: '山科恵一', title: '海洋新聞記者' }, /post differs: 北海大学教授 \(academic\) ≠ 海洋新聞記者 \(press\)/],
      ['kanji.txt', '2025-04-01', { name: 'Keiichi Yamashina', aliases: ['山科健二'] }, /name differs: 山科恵一 ≠ 山科健二 \(different written forms/],
      ['old.txt', '1938', { name: '山科恵一', title: '教授' }, /dates too far apart: 1938–2024/],
    ];
    for (const [name, date, person, conflict] of cases) {
      const corpus = new Corpus(await openSqliteStore(':memory:', { create: true }));
      try {
        await corpus.addSources([doc('prof.txt', '2024-05-01', { name: '山科恵一', title: '北海大学教授', latin: 'Keiichi Yamashina' })]);
        await corpus.addSources([doc(name, date, person)]);
        const identityOf = new Map<string, number>();
        for (const d of await corpus.documents()) identityOf.set(d.name!, (await corpus.store.people(d.id))[0]!.identity!);
        const prof = identityOf.get('prof.txt')!;
        const pending = await corpus.store.proposals('pending');
        if (!conflict) {
          assert.equal(identityOf.get(name), prof, `${name} links`);
          assert.deepEqual(pending, []);
          continue;
        }
        assert.notEqual(identityOf.get(name), prof, `${name} is not merged`);
        assert.equal(pending.length, 1, `${name}: one pending proposal`);
        assert.deepEqual([pending[0]!.a, pending[0]!.b].sort(), [prof, identityOf.get(name)!].sort());
        assert.match(pending[0]!.evidence.join('; '), conflict);
      } finally {
        await corpus.close();
      }
    }
  });
});
