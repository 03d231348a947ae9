/**
 * One expert's page, reached by any spelling of their name: every claim across the corpus grouped by
 * document, theme (section) or date, with footnotes; the source's reliability grade with its caveats, and
 * each claim's credibility (both set here); merge another person into them or split spellings off.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ClaimView, ExpertPage, PersonSummaryLite } from '../../store/corpus.ts';
import { ApiError, getJson, postJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { themeKey } from '../../server/theme-key.ts';
import { AlsoSaidBy } from './AlsoSaidBy.tsx';
import { ClaimCredibilityControl, SourceGradeControl } from './GradeControls.tsx';
import { FormsByScript } from './ExpertsScreen.tsx';
import { DocLink, ErrorBox, ExportButtons, Loading, NotFound, ProvenanceBadges, isNotFound, kindLabel } from './Widgets.tsx';

type Grouping = 'document' | 'theme' | 'date';

export function ExpertScreen({ query, theme }: { query: string; theme: string | null }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const page = useAsync(() => getJson<ExpertPage>(`/api/experts/${encodeURIComponent(query)}`), [query, workspace.version]);
  const [grouping, setGrouping] = useState<Grouping>(theme !== null ? 'theme' : 'document');

  const claims = useMemo(() => {
    const all = page.data?.claims ?? [];
    return theme !== null ? all.filter((c) => c.role === 'speaker' && themeKey(c.section) === theme) : all;
  }, [page.data, theme]);

  const groups = useMemo(() => {
    const out = new Map<string, { label: string; claims: ClaimView[]; doc?: ClaimView['document'] }>();
    for (const c of claims) {
      const key = grouping === 'document' ? c.document.id : grouping === 'theme' ? themeKey(c.section) : (c.document.date ?? '').slice(0, 7) || '—';
      const label = grouping === 'document' ? '' : grouping === 'theme' ? c.section ?? t('noSection') : key;
      const g = out.get(key) ?? { label, claims: [], doc: grouping === 'document' ? c.document : undefined };
      g.claims.push(c);
      out.set(key, g);
    }
    const list = [...out.entries()];
    if (grouping === 'date') list.sort((a, b) => a[0].localeCompare(b[0]));
    return list;
  }, [claims, grouping, t]);

  if (page.error instanceof ApiError && page.error.candidates.length) {
    return (
      <section class="screen">
        <h1>{query}</h1>
        <p>{t('ambiguous', { q: query })}</p>
        <ul>{page.error.candidates.map((c) => <li key={c.id}><a href={href('expert', c.id)}>{c.label}</a></li>)}</ul>
      </section>
    );
  }
  if (isNotFound(page.error)) return <NotFound message={t('notFoundExpert', { name: query })} back={{ href: href('experts'), label: t('backToExperts') }} />;
  if (page.error) return <ErrorBox error={page.error} onRetry={page.reload} />;
  if (!page.data) return <Loading />;
  const p = page.data.person;

  return (
    <article class="screen expert" aria-labelledby="expert-title">
      <header class="doc-head">
        <h1 id="expert-title">{p.name} <span class="muted small">{p.id}</span></h1>
        <p><FormsByScript person={p} /></p>
        <p class="muted">
          {[p.organization, t('claimCount', { n: p.claims }), `${t('colDocuments')}: ${p.documents}`, p.first && `${p.first} – ${p.last ?? ''}`].filter(Boolean).join(' · ')}
        </p>
        {page.data.sources[p.id] && <SourceGradeControl source={page.data.sources[p.id]!} />}
        <ExportButtons target={{ expert: p.id }} />
      </header>

      <div class="filters" role="group" aria-label={t('groupBy')}>
        <span>{t('groupBy')}:</span>
        {(['document', 'theme', 'date'] as const).map((g) => (
          <button key={g} type="button" class="small" aria-pressed={grouping === g} onClick={() => setGrouping(g)}>
            {t(g === 'document' ? 'byDocument' : g === 'theme' ? 'byTheme' : 'byDate')}
          </button>
        ))}
        {theme !== null && (
          <span class="badge">
            {t('themeFilter', { theme: claims[0]?.section ?? (theme || t('noSection')) })}{' '}
            <a href={href('expert', p.id)}>{t('clearFilter')}</a>
          </span>
        )}
      </div>

      {claims.length === 0 && <p>{t('noClaims')}</p>}
      {groups.map(([key, g]) => (
        <section key={key} class="claim-group">
          <h2>{g.doc ? <DocLink doc={g.doc} /> : g.label}</h2>
          <ol class="claim-cards">
            {g.claims.map((c) => <ExpertClaim key={`${c.document.id}:${c.id}`} claim={c} showDoc={grouping !== 'document'} showSection={grouping !== 'theme'} />)}
          </ol>
        </section>
      ))}

      <IdentityTools person={p} />
    </article>
  );
}

function ExpertClaim({ claim: c, showDoc, showSection }: { claim: ClaimView; showDoc: boolean; showSection: boolean }) {
  const { t } = useI18n();
  // Loaded when opened: a page of fifty claims asks for none until the analyst wants one.
  const [open, setOpen] = useState(false);
  return (
    <li class="claim-card-item">
      <blockquote>{c.text}</blockquote>
      <p class="muted">
        {c.role === 'via' && <span class="badge">{t('viaRole')}</span>}
        {kindLabel(t, c.kind)}
        {c.cue && ` · ${t('cue')} 「${c.cue}」`}
        {c.hedges.length > 0 && ` · ${t('hedges')}: ${c.hedges.join(', ')}`}
        {showSection && c.section && ` · ${c.section}`}
        {' '}<ProvenanceBadges provenance={c.provenance} review={c.review} />
      </p>
      {c.footnotes.length > 0 && (
        <ul class="notes">
          {c.footnotes.map((f) => <li key={f.n}>{t('footnote', { n: f.n })}: {f.note ?? t('noNoteText')}</li>)}
        </ul>
      )}
      <ClaimCredibilityControl doc={c.document.id} claim={c.id} credibility={c.credibility} />
      <p>
        {showDoc && <><DocLink doc={c.document} /> · </>}
        <a href={withQuery(href('doc', c.document.id), { claim: c.id })}>{t('openInReader')}</a>
      </p>
      {c.role === 'speaker' && (
        <details class="also-said-by-box" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('alsoSaidBy')}</summary>
          {open && <AlsoSaidBy doc={c.document.id} claim={c.id} />}
        </details>
      )}
    </li>
  );
}

/** Merge another person into this one, or split spellings off into a new person; both can be undone. */
function IdentityTools({ person }: { person: ExpertPage['person'] }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const [other, setOther] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const forms = Object.values(person.forms).flat().filter((f): f is string => !!f);

  async function merge(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const folded = await getJson<ExpertPage>(`/api/experts/${encodeURIComponent(other.trim())}`);
      const foldedForms = Object.values(folded.person.forms).flat().filter((f): f is string => !!f);
      const kept = await postJson<PersonSummaryLite>('/api/identities/merge', { keep: person.id, fold: folded.person.id, by: workspace.user });
      workspace.pushUndo({
        label: t('merged', { a: kept.name, b: folded.person.name }),
        undo: async () => { await postJson('/api/identities/split', { identity: kept.id, forms: foldedForms, by: workspace.user, why: 'undo merge' }); },
      });
      setOther('');
      workspace.changed();
      workspace.notify(t('merged', { a: kept.name, b: folded.person.name }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function split() {
    setError(null);
    try {
      const r = await postJson<{ kept: PersonSummaryLite; split: PersonSummaryLite }>('/api/identities/split', { identity: person.id, forms: [...chosen], by: workspace.user });
      workspace.pushUndo({
        label: t('splitDone', { forms: [...chosen].join(', '), b: r.split.id }),
        undo: async () => { await postJson('/api/identities/merge', { keep: r.kept.id, fold: r.split.id, by: workspace.user, why: 'undo split' }); },
      });
      setChosen(new Set());
      workspace.changed();
      workspace.notify(t('splitDone', { forms: r.split.forms.join(', '), b: r.split.id }));
      navigate(href('expert', r.kept.id));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section class="identity-tools" aria-labelledby="identity-tools-title">
      <h2 id="identity-tools-title">{t('navIdentities')}</h2>
      <form class="filters" onSubmit={merge}>
        <label>
          {t('mergeWith')}
          <input value={other} placeholder={t('mergePlaceholder')} onInput={(e) => setOther((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!other.trim()}>{t('merge')}</button>
      </form>
      {forms.length > 1 && (
        <fieldset>
          <legend>{t('splitHelp')}</legend>
          {forms.map((f) => (
            <label key={f} class="check">
              <input
                type="checkbox"
                checked={chosen.has(f)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if ((e.target as HTMLInputElement).checked) next.add(f);
                  else next.delete(f);
                  setChosen(next);
                }}
              />
              {f}
            </label>
          ))}
          <button type="button" disabled={chosen.size === 0 || chosen.size >= forms.length} onClick={() => void split()}>{t('split')}</button>
        </fieldset>
      )}
      {error && <p class="error-inline" role="alert">{error}</p>}
    </section>
  );
}
