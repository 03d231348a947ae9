/** Small pieces the screens share: loading and error states, badges, document labels, export buttons. */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError, download } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { href, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';

export function Loading() {
  const { t } = useI18n();
  return <p class="loading" role="status">{t('loading')}</p>;
}

/**
 * A failed request, in the reader's language: a 404 becomes the not-found page, a user error says what was
 * refused, and only what may pass by itself (the network, a busy or failing server) offers to try again.
 */
export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : -1;
  if (status === 404) return <NotFound message={t('notFoundOther')} />;
  const message =
    status === 0 ? t('errorNetwork')
    : status === 409 ? t('errorConflict', { detail: error.message })
    : status >= 400 && status < 500 ? t('errorInvalid', { detail: error.message })
    : status === 503 ? t('errorBusy')
    : t('errorServer', { status: status > 0 ? status : '?' });
  const transient = status === 0 || status >= 500 || status === -1;
  return (
    <div class="error" role="alert">
      <strong>{t('errorTitle')}</strong>
      <p>{message}</p>
      {onRetry && transient && <button type="button" onClick={onRetry}>{t('retry')}</button>}
      <p><a href="#/">{t('backToLibrary')}</a></p>
    </div>
  );
}

/** What a link pointed at is not there: said in the reader's language, with a way back. */
export function NotFound({ message, back }: { message: string; back?: { href: string; label: string } }) {
  const { t } = useI18n();
  return (
    <section class="screen not-found" aria-labelledby="not-found-title" data-not-found="true">
      <h1 id="not-found-title">{t('notFoundTitle')}</h1>
      <p>{message}</p>
      <p>
        {back && <><a href={back.href}>{back.label}</a> · </>}
        <a href="#/">{t('backToLibrary')}</a>
      </p>
    </section>
  );
}

/** True when a request failed because what it asked for is not there. */
export const isNotFound = (e: Error | undefined): boolean => e instanceof ApiError && e.status === 404;

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

/** The export formats the server offers (src/export/formats.ts), in the order the menu lists them. */
const EXPORT_FORMATS = ['md', 'html', 'csv', 'qdpx', 'w3c', 'stix', 'graphml', 'gexf', 'csl'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
const FORMAT_KEYS: Record<ExportFormat, MessageKey> = {
  md: 'exportMarkdown', html: 'exportHtml', csv: 'exportCsv', qdpx: 'exportQdpx', w3c: 'exportW3c', stix: 'exportStix',
  graphml: 'exportGraphml', gexf: 'exportGexf', csl: 'exportCsl',
};

/**
 * The exports of the corpus, a document, an expert or a code (with an expert: one cell of the matrix), fetched
 * with the token and saved as files: the brief
 * and the audit CSV as buttons, every other format from a menu.
 */
export function ExportButtons({ target, label }: { target: { document: string } | { expert: string } | { code: string; expert?: string } | { corpus: true }; label?: string }) {
  const { t, language } = useI18n();
  const workspace = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('qdpx');
  // The menu's value at the moment of the click: a click right after a choice must not use the format of the
  // render before it.
  const menu = useRef<HTMLSelectElement>(null);
  const params: Record<string, string> = { lang: language };
  if ('document' in target) params.document = target.document;
  if ('expert' in target && target.expert) params.person = target.expert;
  if ('code' in target) params.code = target.code;
  if (workspace.user) params.by = workspace.user;
  const get = (f: ExportFormat) => () => {
    setError(null);
    download(`/api/export/${f}`, params).catch((e: ApiError) => setError(e.message));
  };
  const scope = 'document' in target ? 'document' : 'code' in target ? (target.expert ? 'cell' : 'code') : 'expert' in target ? 'person' : 'corpus';
  return (
    <div class="exports" role="group" aria-label={label ?? t('exportLabel')} data-export-scope={scope}>
      <span class="muted">{label ?? t('exportLabel')}:</span>
      {EXPORT_FORMATS.slice(0, 3).map((f) => <button key={f} type="button" class="small" data-format={f} onClick={get(f)}>{t(FORMAT_KEYS[f])}</button>)}
      <label class="export-more">
        <span class="visually-hidden">{t('exportFormat')}</span>
        <select ref={menu} value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)} data-testid="export-format">
          {EXPORT_FORMATS.slice(3).map((f) => <option key={f} value={f}>{t(FORMAT_KEYS[f])}</option>)}
        </select>
      </label>
      <button type="button" class="small" data-testid="export-download" onClick={() => get((menu.current?.value as ExportFormat | undefined) ?? format)()}>{t('exportDownload')}</button>
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
