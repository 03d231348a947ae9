/** The timeline of dated mentions: a bar per year, then every mention in date order with its context. */
import { useMemo, useState } from 'preact/hooks';
import type { TimelineEntry } from '../../store/corpus.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { useWorkspace } from '../workspace.ts';
import { DocLink, ErrorBox, Loading } from './Widgets.tsx';

export function TimelineScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const [form, setForm] = useState({ from: '', to: '', speaker: '' });
  const [applied, setApplied] = useState(form);
  const list = useAsync(() => getJson<TimelineEntry[]>('/api/timeline', { ...applied, limit: 2000 }), [applied, workspace.version]);

  const years = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of list.data ?? []) counts.set(e.date.slice(0, 4), (counts.get(e.date.slice(0, 4)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [list.data]);
  const max = Math.max(1, ...years.map(([, n]) => n));

  const field = (key: keyof typeof form, label: string, placeholder: string) => (
    <label>
      {label}
      <input value={form[key]} placeholder={placeholder} onInput={(e) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value })} />
    </label>
  );

  return (
    <section class="screen timeline" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('timelineTitle')}</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); setApplied({ ...form }); }}>
        {field('from', t('from'), 'YYYY-MM-DD')}
        {field('to', t('to'), 'YYYY-MM-DD')}
        {field('speaker', t('speaker'), t('findExpertPlaceholder'))}
        <button type="submit">{t('apply')}</button>
      </form>
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <p>{t('noDates')}</p>}
      {list.data && list.data.length > 0 && (
        <>
          <figure class="years" aria-label={t('byYear')}>
            {years.map(([year, n]) => (
              <div key={year} class="year" title={`${year}: ${n}`}>
                <div class="bar-box"><div class="bar" style={{ height: `${Math.round((n / max) * 100)}%` }} /></div>
                <span class="year-label">{year}</span>
                <span class="year-count">{n}</span>
              </div>
            ))}
          </figure>
          <ol class="timeline-list">
            {list.data.map((e, i) => (
              <li key={i}>
                <time dateTime={e.date}>{e.date}{e.approx ? ` (${t('approx')})` : ''}</time>
                <span class="context">{e.context}</span>
                <span class="muted"> — <DocLink doc={e.document} at={e.start} /></span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
