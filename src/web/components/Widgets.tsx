/** Small pieces the screens share: loading and error states, badges, document labels, export buttons. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, download } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { href, withQuery } from '../router.ts';

export function Loading() {
  const { t } = useI18n();
  return <p class="loading" role="status">{t('loading')}</p>;
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="error" role="alert">
      <strong>{t('errorTitle')}</strong>
      <p>{error.message}</p>
      {onRetry && <button type="button" onClick={onRetry}>{t('retry')}</button>}
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }) {
  return <span class={`badge badge-${kind}`}>{children}</span>;
}

/** Machine or analyst, and what the analyst did. */
export function ProvenanceBadges({ provenance, review }: { provenance: 'machine' | 'analyst'; review: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <Badge kind={provenance}>{provenance === 'analyst' ? t('analystMade') : t('machine')}</Badge>
      {review && <Badge kind={`review-${review}`}>{t(`review_${review}` as MessageKey)}</Badge>}
    </>
  );
}

export function kindLabel(t: (k: MessageKey) => string, kind: string): string {
  return ['quote', 'reported', 'according_to'].includes(kind) ? t(`kind_${kind}` as MessageKey) : kind;
}

export interface DocLike {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly name: string | null;
}

export function docTitle(d: DocLike, untitled: string): string {
  return d.title ?? d.name ?? `${untitled} ${d.id}`;
}

export function DocLink({ doc, at, claim }: { doc: DocLike; at?: number; claim?: string }) {
  const { t } = useI18n();
  return (
    <a href={withQuery(href('doc', doc.id), { at, claim })}>
      {docTitle(doc, t('untitled'))}
      {doc.date && <span class="muted"> ({doc.date})</span>}
    </a>
  );
}

/** The three exports of a document or an expert, fetched with the token and saved as files. */
export function ExportButtons({ target }: { target: { document: string } | { expert: string } }) {
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const params = { ...target, lang: language } as Record<string, string>;
  const get = (path: string) => () => {
    setError(null);
    download(path, params).catch((e: ApiError) => setError(e.message));
  };
  return (
    <div class="exports" role="group" aria-label={t('exportLabel')}>
      <span class="muted">{t('exportLabel')}:</span>
      <button type="button" class="small" onClick={get('/api/export/brief.md')}>{t('exportMarkdown')}</button>
      <button type="button" class="small" onClick={get('/api/export/brief.html')}>{t('exportHtml')}</button>
      <button type="button" class="small" onClick={get('/api/export/claims.csv')}>{t('exportCsv')}</button>
      {error && <span class="error-inline" role="alert">{error}</span>}
    </div>
  );
}

/** A snippet with highlighted ranges, built from text nodes (never from HTML). */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > text.length) continue;
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark class="hit">{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
