/**
 * Evaluation of similar claims (issue 12, acceptance 2): on a generated corpus with planted paraphrases
 * (bench/paraphrases.ts: reorderings, synonym swaps, particles and inflections changed, added adverbials,
 * other endings; Japanese and English), every claim is looked up through the store (postings of rare grams,
 * then exact cosine) at the default threshold; recall and precision are counted over all the pairs found.
 *
 * Run on SQLite and, when MIKATA_TEST_DATABASE_URL is set, on PostgreSQL: the same index, so the same
 * figures.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateClaims, type GeneratedClaim } from '../../bench/paraphrases.ts';
import { Corpus } from '../../src/store/corpus.ts';
import { backends } from './_backends.ts';
import { fixedClock, fixtureAnalyzer, sourceOf, type DocSpec } from './_fixtures.ts';

const CLAIMS_PER_DOC = 5;

/** Documents of five claims each, every claim by its own speaker (so no claim is left out as the same speaker's). */
function paraphraseDocs(claims: readonly GeneratedClaim[]): { docs: DocSpec[]; where: { doc: number; claim: string }[] } {
  const docs: DocSpec[] = [];
  const where: { doc: number; claim: string }[] = [];
  for (let d = 0; d * CLAIMS_PER_DOC < claims.length; d++) {
    const part = claims.slice(d * CLAIMS_PER_DOC, (d + 1) * CLAIMS_PER_DOC);
    const lines = part.map((c, i) => (c.lang === 'ja' ? `話者${d}-${i}は「${c.text}」と述べた。` : `Speaker ${d}-${i} said "${c.text}".`));
    docs.push({
      name: `eval-${d}.txt`, title: `Eval ${d}`, date: null, language: 'ja', text: lines.join('\n'),
      people: part.map((_, i) => ({ id: `p${i + 1}`, name: `話者${d}-${i}` })),
      attributions: part.map((c, i) => ({ id: `a${i + 1}`, speakers: [`p${i + 1}`], content: c.text, cue: c.lang === 'ja' ? 'と述べた' : 'said' })),
    });
    part.forEach((_, i) => where.push({ doc: d, claim: `a${i + 1}` }));
  }
  return { docs, where };
}

for (const backend of backends()) {
  describe(`similar claims, evaluation: ${backend.name}`, () => {
    after(() => backend.cleanup());

    for (const seed of [12, 99]) {
      it(`seed ${seed}: recall ≥ 0.9 at precision ≥ 0.9 over planted paraphrases`, async () => {
        const claims = generateClaims(seed, 300, 100);
        const { docs, where } = paraphraseDocs(claims);
        const corpus = new Corpus(await backend.open(), { now: fixedClock(), analyzer: fixtureAnalyzer(docs) });
        try {
          const refs = (await corpus.addSources(docs.map(sourceOf))).map((o) => o.document!.id);
          const index = new Map(where.map((w, i) => [`${refs[w.doc]}\u0000${w.claim}`, i]));
          let found = 0;
          let right = 0;
          let relevant = 0;
          for (let i = 0; i < claims.length; i++) {
            const group = claims[i]!.group;
            if (group !== null) relevant += claims.filter((c, j) => j !== i && c.group === group).length;
            const r = await corpus.similar(refs[where[i]!.doc]!, where[i]!.claim, { limit: 50 });
            for (const s of r.similar) {
              found++;
              const j = index.get(`${s.document.id}\u0000${s.id}`)!;
              if (group !== null && claims[j]!.group === group) right++;
            }
          }
          const recall = right / relevant;
          const precision = right / found;
          console.log(`# ${backend.name} seed ${seed}: ${claims.length} claims, ${relevant} planted pairs, ${found} found, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
          assert.ok(recall >= 0.9, `recall ${recall.toFixed(3)}`);
          assert.ok(precision >= 0.9, `precision ${precision.toFixed(3)}`);
        } finally {
          await corpus.close();
        }
      });
    }
  });
}
