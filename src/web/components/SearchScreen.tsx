/** Search across the corpus (Japanese and English, names in any script) with highlighted snippets. */
import { useEffect, useState } from 'preact/hooks';
import type { SearchResult } from '../../store/corpus.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { DocLink, ErrorBox, Highlighted, Loading } from './Widgets.tsx';

const FIELDS = ['q', 'speaker', 'from', 'to'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

export function SearchScreen({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const current: Form = { q: query.get('q') ?? '', speaker: query.get('speaker') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' };
  const key = JSON.stringify(current);
  const [form, setForm] = useState<Form>(current);
  useEffect(() => setForm(current), [key]);
  const result = useAsync(
    () => (current.q.trim() ? getJson<SearchResult>('/api/search', { ...current, limit: 50 }) : Promise.resolve(null)),
    [key, workspace.version],
  );

  return (
    <section class="screen search" aria-labelledby="search-title">
      <h1 id="search-title">{t('searchTitle')}</h1>
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); navigate(withQuery(href('search'), form)); }}>
        <label class="grow">
          {t('searchTitle')}
          <input type="search" name="q" value={form.q} placeholder={t('searchPlaceholder')} onInput={(e) => setForm({ ...form, q: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t('speaker')}
          <input name="speaker" value={form.speaker} onInput={(e) => setForm({ ...form, speaker: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t('from')}
          <input name="from" value={form.from} placeholder="YYYY" size={10} onInput={(e) => setForm({ ...form, from: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t('to')}
          <input name="to" value={form.to} placeholder="YYYY" size={10} onInput={(e) => setForm({ ...form, to: (e.target as HTMLInputElement).value })} />
        </label>
        <button type="submit">{t('searchButton')}</button>
      </form>
      {result.error && <ErrorBox error={result.error} />}
      {result.loading && current.q && !result.data && <Loading />}
      {result.data && (
        <>
          <p class="muted" aria-live="polite">{t(result.data.estimated ? 'resultsEstimated' : 'results', { n: result.data.total })}</p>
          {result.data.hits.length === 0 && <p>{t('noResults')}</p>}
          <ol class="hits">
            {result.data.hits.map((h) => (
              <li key={h.document.id} class="hit-item">
                <h2><DocLink doc={h.document} /></h2>
                <p class="muted">{t('matches', { n: h.matches })}</p>
                <ul class="snippets">
                  {h.snippets.map((s, i) => (
                    <li key={i}>
                      <a href={withQuery(href('doc', h.document.id), { at: s.start })} class="snippet"><Highlighted text={s.text} ranges={s.highlights} /></a>
                      <span class="muted">
                        {s.section && ` — ${s.section}`}
                        {s.speakers.length > 0 && ` — ${t('saidBy', { names: s.speakers.join(', ') })}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
