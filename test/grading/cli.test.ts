/**
 * `mikata grade` (source, claim, list, caveats): grades set, shown, cleared and listed with their history;
 * caveats and suggestions for officials; bad input gets one line and a non-zero exit, and nothing changes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { DEFAULT_CAVEATS } from '../../src/core/grading/default-caveats.ts';
import { BRIEFING_EN, BRIEFING_JA } from './_texts.ts';

let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mikata-grade-'));
  writeFileSync(join(dir, 'briefing-ja.txt'), BRIEFING_JA);
  writeFileSync(join(dir, 'briefing-en.txt'), BRIEFING_EN);
  const r = await run(['ingest', join(dir, 'briefing-ja.txt'), join(dir, 'briefing-en.txt')]);
  if (r.code !== 0) throw new Error(r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = { MIKATA_USER: 'kato' }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => { stdout += s; return true; }, stderr: (s) => { stderr += s; }, isTTY: false, env, cwd: dir };
  const code = await runCli([...args, '--db', join(dir, 'corpus.db')], io);
  return { code, stdout, stderr };
}
const json = async (args: string[]) => {
  const r = await run([...args, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};

describe('mikata grade', () => {
  test('source: shows caveats and a suggestion before any grade; sets, replaces and clears a grade, by any name', async () => {
    let r = await run(['grade', 'source', 'ヴォルコワ']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /reliability not graded \(suggested: C fairly reliable; a suggestion, not a grade\)/);
    assert.match(r.stdout, /caveat\*\* Government spokesperson: A spokesperson states an official position/);
    r = await run(['grade', 'source', 'エレナ・ヴォルコワ', 'c', '--why', 'the official line, reliably']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /reliability C fairly reliable {2}g1, .* by kato — the official line, reliably/);
    assert.match(r.stdout, /caveat/, 'the caveat stays once graded');
    const s = await json(['grade', 'source', 'ヴォルコワ']);
    assert.equal(s.reliability.value, 'C');
    assert.deepEqual(s.caveats.map((c: { id: string }) => c.id), ['official.spokesperson', 'official.government']);
    // The English spokesman too, by his Latin name.
    const brandt = await json(['grade', 'source', 'Ivo Brandt']);
    assert.equal(brandt.caveats[0].id, 'official.spokesperson');
    assert.equal(brandt.suggestion, 'C');
    assert.deepEqual((await json(['grade', 'source', 'Katri Saar'])).caveats, []);
    r = await run(['grade', 'source', 'Katri Saar', 'B', '--by', 'sato']);
    assert.equal(r.code, 0, r.stderr);
    r = await run(['grade', 'source', 'Katri Saar', '--clear', '--by', 'sato', '--why', 'to review']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /reliability not graded/);
    const history = await json(['grade', 'list', '--source', 'Katri Saar', '--all']);
    assert.deepEqual(history.map((g: { value: string | null; by: string }) => [g.value, g.by]), [['B', 'sato'], [null, 'sato']]);
  });

  test('claim: by id or quote, shown, cleared; list shows what stands', async () => {
    let r = await run(['grade', 'claim', 'briefing-ja.txt', 'a1', '4', '--why', 'no other source']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /a1 {2}エレナ・ヴォルコワ {2}«海峡の通航制限は一時的な措置だ»\n {2}credibility 4 doubtful/);
    r = await run(['grade', 'claim', 'briefing-en.txt', '--quote', 'insurers would keep', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Katri Saar .*\n {2}credibility 2 probably true/);
    assert.equal((await json(['grade', 'claim', 'briefing-ja.txt', 'a1'])).credibility.value, '4');
    const list = await json(['grade', 'list']);
    assert.deepEqual(list.map((g: { kind: string; value: string }) => `${g.kind} ${g.value}`), ['reliability C', 'credibility 4', 'credibility 2']);
    r = await run(['grade', 'claim', 'briefing-ja.txt', 'a1', '--clear']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /credibility not graded/);
    assert.equal((await json(['grade', 'list', '--document', 'briefing-ja.txt'])).length, 0);
  });

  test('bad input: one line, a non-zero exit, and no grade recorded', async () => {
    const before = (await json(['grade', 'list', '--all'])).length;
    for (const [args, code, why] of [
      [['grade', 'source', 'Katri Saar', 'G'], 2, /reliability: "G" is not a grade from A to F/],
      [['grade', 'source', 'Katri Saar', '3'], 2, /not a grade from A to F/],
      [['grade', 'source', 'Nobody Known', 'A'], 4, /no one called "Nobody Known"/],
      [['grade', 'source', 'Katri Saar', 'A', '--clear'], 2, /a grade or --clear, not both/],
      [['grade', 'claim', 'briefing-ja.txt', 'a1', '0'], 2, /credibility: "0" is not a grade from 1 to 6/],
      [['grade', 'claim', 'briefing-ja.txt', 'a1', 'B'], 2, /not a grade from 1 to 6/],
      [['grade', 'claim', 'briefing-ja.txt', 'a99', '2'], 4, /no claim "a99"/],
      [['grade', 'claim', 'nothing.txt', 'a1', '2'], 4, /nothing\.txt/],
      [['grade', 'claim', 'briefing-ja.txt'], 2, /name the claim/],
      [['grade', 'claim', 'briefing-ja.txt', 'a1', '--clear'], 4, /no credibility grade to clear/],
      [['grade', 'claim', 'briefing-ja.txt', '--quote', '通航制限', '2'], 5, /2 claims of document .* contain "通航制限"/],
    ] as const) {
      const r = await run([...args]);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    const noUser = await run(['grade', 'source', 'Katri Saar', 'A'], {});
    assert.equal(noUser.code, 2);
    assert.match(noUser.stderr, /say who makes the change/);
    assert.equal((await json(['grade', 'list', '--all'])).length, before);
  });

  test('caveats: show, export the default, import an edited list, refuse a bad one, reset', async () => {
    let r = await run(['grade', 'caveats']);
    assert.match(r.stdout, /^mikata: state media and officials 2026\.1 \(the default list\)\n {2}state-media {2}State media {2}suggests D\n/);
    r = await run(['grade', 'caveats', 'export', 'caveats.json', '--default']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(readFileSync(join(dir, 'caveats.json'), 'utf8'));
    assert.deepEqual(list, DEFAULT_CAVEATS);
    list.version = '2026.2';
    list.entries.push({ id: 'sea-lanes', kind: 'other', label: { ja: '航路センター', en: 'Sea-lanes centre' }, caveat: { ja: '業界の出資', en: 'Funded by shipowners' }, match: { en: ['Sea Lanes'] } });
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(list));
    r = await run(['grade', 'caveats', 'import', 'mine.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((await json(['grade', 'source', 'Katri Saar'])).caveats.map((c: { id: string }) => c.id), ['sea-lanes']);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...list, entries: [{ ...list.entries[0], suggest: 'Q' }] }));
    r = await run(['grade', 'caveats', 'import', 'bad.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json: not a valid caveat list: entries\.0\.suggest/);
    assert.equal((await json(['grade', 'caveats'])).caveats.version, '2026.2', 'the corpus list is unchanged');
    r = await run(['grade', 'caveats', 'import', 'missing.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.json: could not read the caveat list: no such file/);
    assert.equal((await run(['grade', 'caveats', 'reset'])).code, 0);
    assert.equal((await json(['grade', 'caveats'])).custom, false);
  });
});

describe('grading elsewhere in the CLI', () => {
  test('mikata expert shows the grade, the caveats and each claim\u2019s credibility; mikata ach show the weights grades set', async () => {
    assert.equal((await run(['grade', 'claim', 'briefing-ja.txt', 'a1', '4'])).code, 0);
    let r = await run(['expert', 'ヴォルコワ']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\nreliability C fairly reliable \(kato, \d{4}-\d{2}-\d{2}\)\n\*\*caveat\*\* Government spokesperson: /);
    assert.match(r.stdout, /«海峡の通航制限は一時的な措置だ»\n {2}credibility 4 doubtful \(kato\)/);
    r = await run(['expert', 'Katri Saar']);
    assert.doesNotMatch(r.stdout, /caveat|reliability/);

    for (const args of [['ach', 'create', '通航制限は続くか'], ['ach', 'hypothesis', 'm1', 'short'], ['ach', 'hypothesis', 'm1', 'long'], ['ach', 'evidence', 'm1', 'briefing-ja.txt', 'a1'], ['ach', 'rate', 'm1', 'ev1', 'h2', 'II']]) {
      const x = await run(args);
      assert.equal(x.code, 0, `${args.join(' ')}: ${x.stderr}`);
    }
    r = await run(['ach', 'show', 'm1']);
    assert.equal(r.code, 0, r.stderr);
    // C (0.6) × 4 (0.4) = 0.24; II counts 2: h2 0.48.
    assert.match(r.stdout, /ev1 graded C4: weight 1 × 0\.24 = 0\.24 in the scores/);
    assert.match(r.stdout, /h2 +long {2}inconsistency 0\.48/);
    // The CSV says the grade and the weight the scores used, so the scores can be checked from the file.
    r = await run(['ach', 'export', 'm1', '-']);
    assert.equal(r.code, 0, r.stderr);
    const [head, ev1, inconsistency] = r.stdout.split('\r\n');
    assert.match(head!, /,weight,h1: short,h2: long,diagnosticity,grade,weight in scores$/);
    assert.match(ev1!, /^ev1,claim,.*,1,,II,0\.48,C4,0\.24$/, 'diagnosticity too is weighed: 0.24 × (0 − (−2))');
    assert.match(inconsistency!, /^inconsistency,,,,,,,0,0\.48,,,$/);
  });
});
