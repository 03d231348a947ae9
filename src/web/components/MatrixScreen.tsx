/** Experts × themes: how many claims each expert makes under each theme (section); a cell opens its claims. */
import { useState } from 'preact/hooks';
import type { ClaimView, PersonSummary } from '../../store/corpus.ts';
import type { MatrixView } from '../../server/workbench.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { DocLink, ErrorBox, Loading, kindLabel } from './Widgets.tsx';

/** Five shades: a cell's share of the busiest cell. */
function heat(n: number, max: number): string {
  if (n === 0) return 'heat-0';
  return `heat-${Math.min(5, 1 + Math.floor((n / Math.max(1, max)) * 4.999))}`;
}

export function MatrixScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const matrix = useAsync(() => getJson<MatrixView>('/api/matrix'), [workspace.version]);
  const [cell, setCell] = useState<{ expert: string; theme: string } | null>(null);
  const claims = useAsync(
    () => (cell ? getJson<{ person: PersonSummary; theme: string; claims: ClaimView[] }>('/api/matrix/claims', cell) : Promise.resolve(null)),
    [cell?.expert, cell?.theme, workspace.version],
  );

  if (matrix.error) return <ErrorBox error={matrix.error} onRetry={matrix.reload} />;
  if (!matrix.data) return <Loading />;
  const m = matrix.data;
  const max = Math.max(0, ...Object.values(m.cells).flatMap((row) => Object.values(row)));
  const themeLabel = (key: string) => m.themes.find((x) => x.key === key)?.label ?? t('noSection');

  return (
    <section class="screen matrix" aria-labelledby="matrix-title">
      <h1 id="matrix-title">{t('matrixTitle')}</h1>
      <p class="muted">{t('matrixHelp')} {t('matrixShown', { e: m.experts.length, te: m.totals.experts, t: m.themes.length, tt: m.totals.themes })}</p>
      <div class="table-wrap matrix-wrap">
        <table class="matrix-table">
          <thead>
            <tr>
              <th scope="col" class="corner">{t('expertsTitle')}</th>
              {m.themes.map((th) => <th key={th.key} scope="col" class="theme"><span>{th.label ?? t('noSection')}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {m.experts.map((e) => (
              <tr key={e.id}>
                <th scope="row"><a href={href('expert', e.id)}>{e.name}</a></th>
                {m.themes.map((th) => {
                  const n = m.cells[e.id]?.[th.key] ?? 0;
                  const active = cell?.expert === e.id && cell.theme === th.key;
                  return (
                    <td key={th.key} class={`${heat(n, max)} ${active ? 'active' : ''}`}>
                      {n > 0 ? (
                        <button type="button" class="cell" aria-pressed={active} aria-label={`${e.name} — ${th.label ?? t('noSection')}: ${n}`} onClick={() => setCell({ expert: e.id, theme: th.key })}>
                          {n}
                        </button>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cell && (
        <section class="cell-claims" aria-live="polite" aria-labelledby="cell-title">
          <h2 id="cell-title">
            {t('cellClaims', { expert: m.experts.find((e) => e.id === cell.expert)?.name ?? cell.expert, theme: themeLabel(cell.theme) })}{' '}
            <a class="small" href={withQuery(href('expert', cell.expert), { theme: cell.theme })}>→</a>
          </h2>
          {claims.error && <ErrorBox error={claims.error} />}
          {!claims.data && !claims.error && <Loading />}
          {claims.data && (
            <ol class="claim-cards">
              {claims.data.claims.map((c) => (
                <li key={`${c.document.id}:${c.id}`} class="claim-card-item">
                  <blockquote>{c.text}</blockquote>
                  <p class="muted">{kindLabel(t, c.kind)}{c.cue && ` · 「${c.cue}」`} · <DocLink doc={c.document} claim={c.id} /></p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}
