/**
 * "Also said by": the claims of other speakers, in any document, that say nearly the same as one claim
 * (GET /api/documents/:id/claims/:claim/similar), with speaker, document and similarity. `compact` is for the
 * reader's hover card, which takes no pointer (text only); the expert page lists links.
 */
import type { SimilarClaims } from '../../store/corpus.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import { DocLink, docTitle } from './Widgets.tsx';

export function AlsoSaidBy({ doc, claim, compact = false, limit = compact ? 3 : 10 }: { doc: string; claim: string; compact?: boolean; limit?: number }) {
  const { t } = useI18n();
  const r = useAsync(() => getJson<SimilarClaims>(`/api/documents/${encodeURIComponent(doc)}/claims/${encodeURIComponent(claim)}/similar`, { limit }), [doc, claim, limit]);
  if (r.error) return <p class="muted also-said-by">{r.error.message}</p>;
  if (!r.data) return <p class="muted also-said-by">{t('loading')}</p>;
  if (r.data.similar.length === 0) return <p class="muted also-said-by" data-testid="also-said-by-none">{t('alsoSaidByNone')}</p>;
  return (
    <ul class="also-said-by" data-testid="also-said-by">
      {r.data.similar.map((s) => {
        const who = s.speakers.length ? s.speakers : [{ name: t('none'), id: null }];
        const percent = `${Math.round(s.similarity * 100)}%`;
        return (
          <li key={`${s.document.id}:${s.id}`}>
            <span class="badge" title={t('similarity')}>{percent}</span>{' '}
            {compact
              ? <><strong>{who.map((w) => w.name).join(', ')}</strong>{` — ${docTitle(s.document, t('untitled'))}`}</>
              : <>
                  {who.map((w, i) => (
                    <span key={i}>{i > 0 && ', '}{w.id ? <a href={href('expert', w.id)}>{w.name}</a> : <strong>{w.name}</strong>}</span>
                  ))}
                  {' — '}<DocLink doc={s.document} claim={s.id} />
                </>}
            {!compact && <blockquote>{s.text}</blockquote>}
          </li>
        );
      })}
    </ul>
  );
}
