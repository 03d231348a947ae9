/**
 * The matrix: experts × codes of the codebook (the default), with document, date, section and minimum-count
 * filters; or experts × themes (the sections claims stand in). A cell opens its claims.
 */
import { useState } from 'preact/hooks';
import type { ClaimView, PersonSummary } from '../../store/corpus.ts';
import type { CodeMatrixView, MatrixView } from '../../server/workbench.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { DocLink, ErrorBox, ExportButtons, Loading, kindLabel } from './Widgets.tsx';

/** Five shades: a cell's share of the busiest cell. */
function heat(n: number, max: number): string {
  if (n === 0) return 'heat-0';
  return `heat-${Math.min(5, 1 + Math.floor((n / Math.max(1, max)) * 4.999))}`;
}

export function MatrixScreen() {
  const { t } = useI18n();
  const [by, setBy] = useState<'codes' | 'themes'>('codes');
  return (
    <>
      <div class="matrix-mode" role="group" aria-label={t('matrixBy')}>
        {t('matrixBy')}:{' '}
        <button type="button" aria-pressed={by === 'codes'} onClick={() => setBy('codes')}>{t('matrixByCodes')}</button>{' '}
        <button type="button" aria-pressed={by === 'themes'} onClick={() => setBy('themes')}>{t('matrixByThemes')}</button>
      </div>
      {by === 'codes' ? <CodeMatrix /> : <ThemeMatrix />}
    </>
  );
}

const NO_FILTERS = { documents: '', from: '', to: '', theme: '', min: '1' };

function CodeMatrix() {
  const { t, language } = useI18n();
  const workspace = useWorkspace();
  const [form, setForm] = useState(NO_FILTERS);
  const [applied, setApplied] = useState(NO_FILTERS);
  // An empty theme means "all sections" here: the API's empty theme would be the claims outside any section.
  const params = { documents: applied.documents, from: applied.from, to: applied.to, min: applied.min, ...(applied.theme ? { theme: applied.theme } : {}) };
  const matrix = useAsync(() => getJson<CodeMatrixView>('/api/matrix/codes', params), [JSON.stringify(applied), workspace.version]);
  const [cell, setCell] = useState<{ expert: string; code: string } | null>(null);
  const claims = useAsync(
    () => (cell ? getJson<{ person: PersonSummary; code: string; claims: ClaimView[] }>('/api/matrix/codes/claims', { ...params, ...cell }) : Promise.resolve(null)),
    [cell?.expert, cell?.code, JSON.stringify(applied), workspace.version],
  );
  const field = (key: 'documents' | 'from' | 'to', label: string, placeholder: string) => (
    <label>
      {label}
      <input value={form[key]} placeholder={placeholder} onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })} />
    </label>
  );

  const m = matrix.data;
  const max = m ? Math.max(0, ...Object.values(m.cells).flatMap((row) => Object.values(row))) : 0;
  const codeName = (key: string) => m?.codes.find((c) => c.key === key)?.names[language] ?? key;
  return (
    <section class="screen matrix" aria-labelledby="matrix-title">
      <h1 id="matrix-title">{t('matrixCodesTitle')}</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setCell(null); setApplied({ ...form }); }}>
        {field('documents', t('matrixDocuments'), t('matrixDocumentsPlaceholder'))}
        {field('from', t('from'), 'YYYY-MM-DD')}
        {field('to', t('to'), 'YYYY-MM-DD')}
        <label>
          {t('matrixSection')}
          <select value={form.theme} onChange={(e) => setForm({ ...form, theme: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('matrixAnySection')}</option>
            {(m?.themes ?? []).filter((th) => th.key).map((th) => <option key={th.key} value={th.key}>{th.label ?? th.key}</option>)}
          </select>
        </label>
        <label>
          {t('matrixMin')}
          <input type="number" min={1} value={form.min} onInput={(e) => setForm({ ...form, min: (e.target as HTMLInputElement).value })} />
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {matrix.error && <ErrorBox error={matrix.error} onRetry={matrix.reload} />}
      {!m && !matrix.error && <Loading />}
      {m && (
        <>
          <p class="muted">{t('matrixCodesHelp', { book: `${m.codebook.name} ${m.codebook.version}` })} {t('matrixCodesShown', { e: m.experts.length, te: m.totals.experts, c: m.codes.length, tc: m.totals.codes })}</p>
          {m.codes.length === 0 ? <p>{t('matrixNoCodes')}</p> : (
            <div class="table-wrap matrix-wrap">
              <table class="matrix-table">
                <thead>
                  <tr>
                    <th scope="col" class="corner">{t('expertsTitle')}</th>
                    {m.codes.map((c) => (
                      <th key={c.key} scope="col" class="theme" title={c.key}>
                        {c.colour && <span class="swatch" style={{ background: c.colour }} aria-hidden="true" />}
                        <a href={href('code', c.key)} title={t('matrixCodeAgreement', { code: c.names[language] })} data-code-agreement={c.key}>{c.names[language]}</a>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.experts.map((e) => (
                    <tr key={e.id}>
                      <th scope="row"><a href={href('expert', e.id)}>{e.name}</a></th>
                      {m.codes.map((c) => {
                        const n = m.cells[e.id]?.[c.key] ?? 0;
                        const active = cell?.expert === e.id && cell.code === c.key;
                        return (
                          <td key={c.key} class={`${heat(n, max)} ${active ? 'active' : ''}`}>
                            {n > 0 ? (
                              <button type="button" class="cell" aria-pressed={active} aria-label={`${e.name} — ${c.names[language]}: ${n}`} onClick={() => setCell({ expert: e.id, code: c.key })}>
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
          )}
        </>
      )}
      {cell && m && (
        <section class="cell-claims" aria-live="polite" aria-labelledby="cell-title">
          <h2 id="cell-title">{t('cellClaims', { expert: m.experts.find((e) => e.id === cell.expert)?.name ?? cell.expert, theme: codeName(cell.code) })}</h2>
          <ExportButtons target={{ code: cell.code, expert: cell.expert }} label={t('exportCell')} />
          <ExportButtons target={{ code: cell.code }} label={t('exportCode', { code: codeName(cell.code) })} />
          {claims.error && <ErrorBox error={claims.error} />}
          {!claims.data && !claims.error && <Loading />}
          {claims.data && (
            <ol class="claim-cards">
              {claims.data.claims.map((c) => (
                <li key={`${c.document.id}:${c.id}`} class="claim-card-item">
                  <blockquote>{c.text}</blockquote>
                  <p class="muted">
                    {kindLabel(t, c.kind)}{c.cue && ` · 「${c.cue}」`} · <DocLink doc={c.document} claim={c.id} />
                    {' · '}{c.codes.filter((k) => k.status !== 'rejected').map((k) => codeName(k.code)).join(', ')}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}

function ThemeMatrix() {
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
