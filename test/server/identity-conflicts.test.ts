/**
 * Conflicts beyond the organisation, through the HTTP API: a namesake whose post is of another calling
 * (a journalist beside a professor) is proposed with the reason, never merged until the analyst accepts;
 * one whose post is another rank of the same calling (名誉教授 beside 教授) links by itself. Invented people
 * and institutions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApi, type Json, post, speakerOf, type TestApi } from './_api.ts';

const PROFESSOR_JA = `航路評論 第7号 2025年3月1日
はじめに
北海大学教授のハンス・リンドクヴィストは、北極航路の商業利用が2030年までに倍増すると述べている。
`;
const EMERITUS_JA = `航路評論 第8号 2025年5月1日
はじめに
北海大学名誉教授のハンス・リンドクヴィストは、砕氷船の建造が遅れていると述べている。
`;
const REPORTER_JA = `港の声 第3号 2025年4月9日
はじめに
記者のハンス・リンドクヴィストは、港湾の人手不足が深刻になっていると指摘する。
`;

let t: TestApi;
before(async () => {
  t = await createTestApi({ 'professor.txt': PROFESSOR_JA, 'emeritus.txt': EMERITUS_JA, 'reporter.txt': REPORTER_JA });
});
after(async () => t.dispose());

test('a namesake of another calling is a pending proposal naming the post; nothing merges until accepted', async () => {
  const professor = await speakerOf(t, t.refs['professor.txt']!);
  const reporter = await speakerOf(t, t.refs['reporter.txt']!);
  assert.equal(await speakerOf(t, t.refs['emeritus.txt']!), professor, '名誉教授 is a rank of the same calling: linked');
  assert.notEqual(reporter, professor, 'the reporter is not the professor until the analyst says so');

  const pending = (await t.call('/api/identities/proposals')).body as Json[];
  assert.equal(pending.length, 1, JSON.stringify(pending));
  assert.deepEqual([pending[0].a.id, pending[0].b.id].sort(), [professor, reporter].sort());
  assert.ok(pending[0].evidence.some((e: string) => /^post differs: .*教授 \(academic\) ≠ 記者 \(press\)$/.test(e)), pending[0].evidence.join('; '));

  // The expert pages keep them apart: the professor has two documents, the reporter one.
  assert.equal((await t.call(`/api/experts/${professor}`)).body.person.documents, 2);
  assert.equal((await t.call(`/api/experts/${reporter}`)).body.person.documents, 1);

  // Accepting merges them, with the analyst's reason.
  const merged = await t.call('/api/identities/merge', post({ keep: professor, fold: reporter, why: 'he wrote for the paper while teaching', by: 'kato' }));
  assert.equal(merged.status, 200, JSON.stringify(merged.body));
  assert.equal(await speakerOf(t, t.refs['reporter.txt']!), professor);
  assert.equal((await t.call('/api/identities/proposals')).body.length, 0);
});
