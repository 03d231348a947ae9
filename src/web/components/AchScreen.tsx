/**
 * Competing hypotheses: the list of matrices, and one matrix with a select per cell (rating), each
 * hypothesis's inconsistency score and rank, the diagnosticity of each piece of evidence, the sensitivity of
 * the lead, a button that orders the hypotheses by score, and the CSV download. Scores come from the server
 * (core/ach), so the page shows exactly what the CLI and the export show.
 */
import { useEffect, useState } from 'preact/hooks';
import { RATINGS } from '../../core/ach/ach.ts';
import type { AchView, UnanchoredEvidence } from '../../store/ach.ts';
import type { AchMatrixRecord } from '../../store/store.ts';
import { download, getJson, postJson, putJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { ErrorBox, Loading } from './Widgets.tsx';

export function AchListScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const list = useAsync(() => getJson<AchMatrixRecord[]>('/api/ach'), [workspace.version]);
  const loose = useAsync(() => getJson<UnanchoredEvidence[]>('/api/ach/unanchored'), [workspace.version]);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const m = await postJson<AchMatrixRecord>('/api/ach', { title, by: workspace.user });
      setTitle('');
      workspace.changed();
      navigate(href('ach', m.ref));
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <section class="screen ach" aria-labelledby="ach-title">
      <h1 id="ach-title">{t('achTitle')}</h1>
      <p class="muted">{t('achHelp')}</p>
      {error && <p class="error-inline" role="alert">{error}</p>}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <p>{t('achNone')}</p>}
      <ul class="ach-list">
        {list.data?.map((m) => <li key={m.ref}><a href={href('ach', m.ref)}>{m.ref} {m.title}</a> <span class="muted">{m.by}, {m.at.slice(0, 10)}</span></li>)}
      </ul>
      {!!loose.data?.length && (
        <section class="ach-unanchored" aria-labelledby="ach-unanchored-title">
          <h2 id="ach-unanchored-title">{t('achUnanchoredTitle')}</h2>
          <p class="muted">{t('achUnanchoredHelp')}</p>
          <ul>
            {loose.data.map((u) => (
              <li key={`${u.matrix} ${u.evidence}`} data-unanchored={`${u.matrix} ${u.evidence}`}>
                <a href={href('ach', u.matrix)}>{u.matrix} {u.evidence}</a> «{u.text}»{u.speaker ? <span class="muted"> — {u.speaker}</span> : null}
                <br /><span class="muted">{u.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form class="ach-form" onSubmit={create}>
        <label>{t('achNewMatrix')} <input name="title" value={title} maxLength={300} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" disabled={!title.trim()}>{t('achCreate')}</button>
      </form>
    </section>
  );
}

export function AchScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const loaded = useAsync(() => getJson<AchView>(`/api/ach/${encodeURIComponent(id)}`), [id, workspace.version]);
  // Evidence whose claim is no longer found (store/ach-anchor.ts re-links the rest), this matrix's.
  const loose = useAsync(() => getJson<UnanchoredEvidence[]>('/api/ach/unanchored'), [workspace.version]);
  // The answer of the last change, shown at once and until the reload that the change started comes back
  // (useAsync keeps only the newest load, which began after the change): never the data from before it.
  const [latest, setLatest] = useState<AchView | null>(null);
  useEffect(() => setLatest(null), [loaded.data]);
  const [error, setError] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [evidence, setEvidence] = useState({ text: '', document: '', claim: '', weight: '1' });
  const view = latest && latest.matrix.ref === id ? latest : loaded.data;

  async function run(action: () => Promise<AchView | unknown>) {
    setError(null);
    try {
      const result = await action();
      if (result && typeof result === 'object' && 'result' in result) setLatest(result as AchView);
      workspace.changed();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const base = `/api/ach/${encodeURIComponent(id)}`;

  if (loaded.error) return <section class="screen ach"><ErrorBox error={loaded.error} onRetry={loaded.reload} /><p><a href={href('ach')}>{t('achBack')}</a></p></section>;
  if (!view) return <section class="screen ach"><Loading /></section>;
  const { matrix, result } = view;
  const score = new Map(result.ranking.map((s) => [s.hypothesis, s]));
  const diag = new Map(result.diagnosticity.map((d) => [d.evidence, d]));
  const stale = new Map(view.stale.map((x) => [x.evidence, x.reason]));
  // Evidence that source grading weighed (its claim's grades): the weight the scores used beside its own.
  const graded = new Map((view.graded ?? []).map((g) => [g.evidence, g]));
  const unanchored = (loose.data ?? []).filter((u) => u.matrix === matrix.ref);
  const isUnanchored = new Set(unanchored.map((u) => u.evidence));
  const rating = new Map(matrix.ratings.map((r) => [`${r.evidence} ${r.hypothesis}`, r.rating]));
  const hypothesisLabel = new Map(matrix.hypotheses.map((h) => [h.ref, h.label]));
  const names = (refs: readonly string[]) => refs.map((r) => `${r} ${hypothesisLabel.get(r) ?? ''}`.trim()).join(', ');
  const byScore = result.ranking.map((s) => s.hypothesis);
  const inScoreOrder = matrix.hypotheses.every((h, i) => h.ref === byScore[i]);

  return (
    <section class="screen ach" aria-labelledby="ach-title">
      <p><a href={href('ach')}>{t('achBack')}</a></p>
      <h1 id="ach-title">{matrix.ref} {matrix.title}</h1>
      <p class="muted">{t('achHelp')}</p>
      {error && <p class="error-inline" role="alert">{error}</p>}
      <div class="buttons">
        <button type="button" class="small" disabled={inScoreOrder || matrix.hypotheses.length < 2} onClick={() => void run(() => putJson(`${base}/order`, { hypotheses: byScore }))}>{t('achOrderByScore')}</button>
        <button type="button" class="small" onClick={() => void run(() => download(`${base}/csv`, {}))}>{t('achDownloadCsv')}</button>
      </div>
      <div class="table-wrap">
        <table class="ach-table">
          <thead>
            <tr>
              <th scope="col">{t('achEvidence')}</th>
              <th scope="col">{t('achWeight')}</th>
              {matrix.hypotheses.map((h) => {
                const s = score.get(h.ref)!;
                return (
                  <th scope="col" key={h.ref} data-hypothesis={h.ref} class={result.leaders.includes(h.ref) ? 'leader' : undefined}>
                    <span class="ach-h">{h.ref} {h.label}</span>
                    <span class="ach-score" data-score={s.inconsistency}>{t('achInconsistency')} {s.inconsistency} · {t('achRank', { n: s.rank })}</span>
                  </th>
                );
              })}
              <th scope="col">{t('achDiagnosticity')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.evidence.map((e) => (
              <tr key={e.ref} data-evidence={e.ref}>
                <th scope="row"><span class="ach-ev">{e.ref}</span> {e.text}{e.speaker ? <span class="muted"> — {e.speaker}</span> : null}
                  {stale.has(e.ref) && <span class="ach-stale" data-stale={e.ref} data-unanchored={isUnanchored.has(e.ref) ? e.ref : undefined} title={stale.get(e.ref)}> ⚠ {t(isUnanchored.has(e.ref) ? 'achUnanchored' : 'achStale')}</span>}</th>
                <td>{e.weight}{graded.has(e.ref) && (
                  <span class="muted small" data-graded={e.ref} title={t('gradeSource')}>
                    {` → ${graded.get(e.ref)!.weight} (${graded.get(e.ref)!.reliability ?? ''}${graded.get(e.ref)!.credibility ?? ''})`}
                  </span>
                )}</td>
                {matrix.hypotheses.map((h) => (
                  <td key={h.ref}>
                    <select
                      aria-label={t('achRating', { e: e.ref, h: h.ref })}
                      data-cell={`${e.ref} ${h.ref}`}
                      value={rating.get(`${e.id} ${h.id}`) ?? ''}
                      onChange={(ev) => {
                        const value = (ev.target as HTMLSelectElement).value;
                        void run(() => putJson(`${base}/ratings`, { evidence: e.ref, hypothesis: h.ref, rating: value || null, by: workspace.user }));
                      }}
                    >
                      <option value="">{t('achUnrated')}</option>
                      {RATINGS.map((r) => <option key={r} value={r}>{r}</option>)}
                    </select>
                  </td>
                ))}
                <td class={diag.get(e.ref)?.diagnostic ? 'diagnostic' : 'muted'} data-diagnosticity={diag.get(e.ref)?.value ?? 0}>{diag.get(e.ref)?.value ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unanchored.length > 0 && (
        <section class="ach-unanchored" aria-labelledby="ach-unanchored-title">
          <h2 id="ach-unanchored-title">{t('achUnanchoredTitle')}</h2>
          <p class="muted">{t('achUnanchoredHelp')}</p>
          <ul>
            {unanchored.map((u) => (
              <li key={u.evidence} data-unanchored-row={u.evidence}>
                <strong>{u.evidence}</strong> «{u.text}»{u.speaker ? <span class="muted"> — {u.speaker}</span> : null}
                <br /><span class="muted">{u.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="ach-forms">
        <form onSubmit={(e) => { e.preventDefault(); void run(async () => { await postJson(`${base}/hypotheses`, { label }); setLabel(''); }); }}>
          <label>{t('achAddHypothesis')} <input name="hypothesis" value={label} maxLength={1000} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="small" disabled={!label.trim()}>{t('achAddHypothesis')}</button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const weight = Number(evidence.weight);
            const body = evidence.text.trim() ? { text: evidence.text, weight } : { document: evidence.document, claim: evidence.claim, weight };
            void run(async () => { await postJson(`${base}/evidence`, body); setEvidence({ text: '', document: '', claim: '', weight: '1' }); });
          }}
        >
          <label>{t('achEvidenceText')} <input name="evidence" value={evidence.text} maxLength={5000} onInput={(e) => setEvidence({ ...evidence, text: (e.target as HTMLInputElement).value })} /></label>
          <span class="muted">{t('achOrClaim')}</span>
          <input name="document" size={12} value={evidence.document} onInput={(e) => setEvidence({ ...evidence, document: (e.target as HTMLInputElement).value })} />
          <input name="claim" size={5} value={evidence.claim} onInput={(e) => setEvidence({ ...evidence, claim: (e.target as HTMLInputElement).value })} />
          <label>{t('achWeight')} <input name="weight" type="number" min={0} max={100} step="any" value={evidence.weight} onInput={(e) => setEvidence({ ...evidence, weight: (e.target as HTMLInputElement).value })} /></label>
          <button type="submit" class="small">{t('achAddEvidence')}</button>
        </form>
      </div>
      {matrix.hypotheses.length > 1 && matrix.evidence.length > 0 && (
        <section class="ach-sensitivity" aria-labelledby="ach-sensitivity-title">
          <h2 id="ach-sensitivity-title">{t('achSensitivity')}</h2>
          {result.sensitivity.length === 0 ? <p>{t('achRobust')}</p> : (
            <>
              <p>{t('achSensitivityHelp', { leaders: names(result.leaders) })}</p>
              <ul>
                {result.sensitivity.map((s) => (
                  <li key={`${s.evidence} ${s.hypothesis ?? '-'}`} data-sensitive={s.evidence}>
                    {s.hypothesis === null
                      ? t('achRemoved', { e: s.evidence, leaders: names(s.leaders) })
                      : t('achFlipped', { e: s.evidence, h: s.hypothesis, from: s.from!, to: s.to!, leaders: names(s.leaders) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </section>
  );
}
