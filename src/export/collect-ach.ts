/**
 * The ACH matrices an export carries (brief-ach.ts), read from the corpus and scored by the core, as
 * `mikata ach show` scores them. A brief of the whole corpus carries every matrix; a brief of some
 * documents, people or codes carries the matrices with evidence from the documents it covers.
 */
import type { Corpus } from '../store/corpus.ts';
import type { ExportAchMatrix } from './brief-ach.ts';

/**
 * @example
 * const ach = await collectAch(corpus, null);            // every matrix
 * const some = await collectAch(corpus, new Set([hash])); // those with evidence from that document
 */
export async function collectAch(corpus: Corpus, hashes: ReadonlySet<string> | null): Promise<ExportAchMatrix[]> {
  const book = corpus.achBook();
  const out: ExportAchMatrix[] = [];
  for (const record of await book.list()) {
    const { matrix, result, stale, graded } = await book.show(record.ref);
    // The weights the scores used: grading's, for graded claims (store/grading.ts achWeights).
    const gradedOf = new Map(graded.map((g) => [g.evidence, g]));
    if (hashes && !matrix.evidence.some((e) => e.docHash !== null && hashes.has(e.docHash))) continue;
    const docs = await corpus.store.documentsByHash([...new Set(matrix.evidence.flatMap((e) => (e.docHash ? [e.docHash] : [])))]);
    const summaries = await corpus.store.documentSummaries([...docs.values()].map((d) => d.id));
    const score = new Map(result.ranking.map((s) => [s.hypothesis, s]));
    const diag = new Map(result.diagnosticity.map((d) => [d.evidence, d]));
    const rating = new Map(matrix.ratings.map((r) => [`${r.evidence} ${r.hypothesis}`, r.rating]));
    const staleOf = new Map(stale.map((s) => [s.evidence, s.reason]));
    out.push({
      id: matrix.ref, title: matrix.title, by: matrix.by, at: matrix.at,
      hypotheses: matrix.hypotheses.map((h) => {
        const s = score.get(h.ref)!;
        return { id: h.ref, label: h.label, inconsistency: s.inconsistency, rank: s.rank, leader: result.leaders.includes(h.ref) };
      }),
      evidence: matrix.evidence.map((e) => {
        const found = e.docHash ? docs.get(e.docHash) : undefined;
        const summary = found ? summaries.get(found.id) : undefined;
        return {
          id: e.ref, kind: e.kind, text: e.text, speaker: e.speaker, weight: gradedOf.get(e.ref)?.weight ?? e.weight,
          grade: gradedOf.has(e.ref) ? `${gradedOf.get(e.ref)!.reliability ?? ''}${gradedOf.get(e.ref)!.credibility ?? ''}` : null,
          source: e.kind === 'claim' && e.docHash && e.claim
            ? {
                document: found?.ref ?? null, hash: e.docHash, title: summary?.title ?? null, date: summary?.date ?? null, name: summary?.name ?? null,
                language: summary?.language === 'ja' || summary?.language === 'en' ? summary.language : null, claim: e.claim,
              }
            : null,
          ratings: matrix.hypotheses.map((h) => rating.get(`${e.id} ${h.id}`) ?? null),
          diagnosticity: diag.get(e.ref)?.value ?? 0,
          diagnostic: diag.get(e.ref)?.diagnostic ?? false,
          stale: staleOf.get(e.ref) ?? null,
        };
      }),
      mostDiagnostic: result.diagnosticity.filter((d) => d.diagnostic && d.value > 0).slice(0, 5).map((d) => d.evidence),
      sensitivity: result.sensitivity.map((s) => ({ evidence: s.evidence, hypothesis: s.hypothesis, from: s.from, to: s.to, leaders: s.leaders })),
    });
  }
  return out;
}
