/**
 * The experts table: every person with their names in every script, organisation, counts and dates; a box
 * that finds an expert by any spelling and opens their page.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PersonSummary } from '../../store/corpus.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { ErrorBox, Loading } from './Widgets.tsx';

type SortKey = 'name' | 'organization' | 'claims' | 'documents' | 'first' | 'last';

export function FormsByScript({ person, skip }: { person: Pick<PersonSummary, 'forms'>; skip?: string }) {
  const { t } = useI18n();
  const entries = Object.entries(person.forms).filter(([, forms]) => forms && forms.length);
  return (
    <span class="forms">
      {entries.map(([script, forms]) => {
        const shown = forms!.filter((f) => f !== skip);
        if (!shown.length) return null;
        return (
          <span key={script} class="form-group" lang={script === 'katakana' || script === 'kanji' ? 'ja' : script === 'cyrillic' ? 'ru' : undefined}>
            <span class="muted">{t(`script_${script}` as MessageKey)}:</span> {shown.join(', ')}
          </span>
        );
      })}
    </span>
  );
}

export function ExpertsScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const experts = useAsync(() => getJson<PersonSummary[]>('/api/experts'), [workspace.version]);
  const [find, setFind] = useState('');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'claims', desc: true });

  const rows = useMemo(() => {
    const words = filter.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    const list = (experts.data ?? []).filter((p) => {
      if (!words.length) return true;
      const hay = [p.name, p.organization, p.id, ...Object.values(p.forms).flat()].filter(Boolean).join(' ').normalize('NFKC').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const value = (p: PersonSummary): string | number => (sort.key === 'claims' || sort.key === 'documents' ? p[sort.key] : p[sort.key] ?? '');
    return [...list].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
  }, [experts.data, filter, sort]);

  const header = (key: SortKey, label: MessageKey, num = false) => (
    <th scope="col" class={num ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="link" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : num }))}>
        {t(label)}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  return (
    <section class="screen experts" aria-labelledby="experts-title">
      <h1 id="experts-title">{t('expertsTitle')}</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (find.trim()) navigate(href('expert', find.trim()));
        }}
      >
        <label>
          {t('findExpert')}
          <input type="search" name="expert" value={find} placeholder={t('findExpertPlaceholder')} onInput={(e) => setFind((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('find')}</button>
        <label>
          {t('filterExperts')}
          <input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      {experts.error && <ErrorBox error={experts.error} onRetry={experts.reload} />}
      {!experts.data && !experts.error && <Loading />}
      {experts.data && (
        <div class="table-wrap">
          <table class="experts-table">
            <thead>
              <tr>
                {header('name', 'colName')}
                <th scope="col">{t('colForms')}</th>
                {header('organization', 'organization')}
                {header('claims', 'colClaims', true)}
                {header('documents', 'colDocuments', true)}
                {header('first', 'colFirst')}
                {header('last', 'colLast')}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><a href={href('expert', p.id)}>{p.name}</a></th>
                  <td><FormsByScript person={p} skip={p.name} /></td>
                  <td>{p.organization}</td>
                  <td class="num">{p.claims}</td>
                  <td class="num">{p.documents}</td>
                  <td>{p.first}</td>
                  <td>{p.last}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
