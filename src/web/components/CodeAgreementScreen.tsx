/**
 * Agreement by code (`#/code/domain.naval?threshold=0.6`): the claims of one code of the codebook across
 * documents, grouped by what they say (GET /api/codes/:code/agreement). Groups of several speakers agree;
 * groups of one speaker stand alone. Reached from a code's column head in the matrix.
 */
import type { AgreementGroup, AgreementView } from '../../store/agreement.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate, withQuery } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { DocLink, ErrorBox, ExportButtons, Loading } from './Widgets.tsx';

/** The thresholds offered: from loose (paraphrases with other words) to strict (the same wording). */
const THRESHOLDS = ['0.4', '0.5', '0.6', '0.7', '0.8', '0.9'];

export function CodeAgreementScreen({ code, threshold }: { code: string; threshold: string | null }) {
  const { t, language } = useI18n();
  const workspace = useWorkspace();
  const chosen = threshold && THRESHOLDS.includes(threshold) ? threshold : null;
  const r = useAsync(
    () => getJson<AgreementView>(`/api/codes/${encodeURIComponent(code)}/agreement`, chosen ? { threshold: chosen } : {}),
    [code, chosen, workspace.version],
  );
  if (r.error) return <section class="screen agreement"><ErrorBox error={r.error} onRetry={r.reload} /><p><a href={href('matrix')}>{t('agreementBack')}</a></p></section>;
  if (!r.data) return <section class="screen agreement"><Loading /></section>;
  const v = r.data;
  return (
    <section class="screen agreement" aria-labelledby="agreement-title">
      <p><a href={href('matrix')}>{t('agreementBack')}</a></p>
      <h1 id="agreement-title">
        {v.code.colour && <span class="swatch" style={{ background: v.code.colour }} aria-hidden="true" />}
        {t('agreementTitle', { code: v.code.names[language] })}
      </h1>
      {v.code.definition && <p class="muted">{v.code.definition}</p>}
      <p data-testid="agreement-totals">
        {t('agreementTotals', { claims: v.totals.claims, speakers: v.totals.speakers, documents: v.totals.documents })}
        {v.code.includes.length > 1 && <span class="muted"> {t('agreementIncludes', { n: v.code.includes.length - 1 })}</span>}
      </p>
      {v.limited && <p class="muted">{t('agreementLimited', { total: v.limited.total, kept: v.limited.kept })}</p>}
      <div class="filters">
        <label>{t('agreementThreshold')}{' '}
          <select
            name="threshold"
            value={String(v.threshold)}
            onChange={(e) => navigate(withQuery(href('code', code), { threshold: (e.target as HTMLSelectElement).value }))}
          >
            {[...new Set([...THRESHOLDS, String(v.threshold)])].sort().map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <ExportButtons target={{ code: v.code.id }} label={t('exportCode', { code: v.code.names[language] })} />
      </div>
      <p class="muted">{t('agreementHelp')}</p>
      <section aria-labelledby="agree-title" data-testid="agree">
        <h2 id="agree-title">{t('agreementAgree', { n: v.agree.length })}</h2>
        {v.agree.length === 0 ? <p>{t('agreementNone')}</p> : v.agree.map((g) => <Group key={g.id} group={g} />)}
      </section>
      <section aria-labelledby="alone-title" data-testid="alone">
        <h2 id="alone-title">{t('agreementAlone', { n: v.alone.length })}</h2>
        {v.alone.map((g) => <Group key={g.id} group={g} />)}
      </section>
    </section>
  );
}

function Group({ group: g }: { group: AgreementGroup }) {
  const { t } = useI18n();
  const range = g.similarity ? (g.similarity.min === g.similarity.max ? `${Math.round(g.similarity.min * 100)}%` : `${Math.round(g.similarity.min * 100)}–${Math.round(g.similarity.max * 100)}%`) : null;
  return (
    <article class="agreement-group" data-group={g.id} data-speakers={g.speakers.length} aria-labelledby={`group-${g.id}`}>
      <h3 id={`group-${g.id}`}>
        {g.speakers.map((s, i) => <span key={i}>{i > 0 && ', '}{s.id ? <a href={href('expert', s.id)}>{s.name}</a> : s.name}</span>)}
        {' '}<span class="muted">— {g.documents.length === 1 ? t('agreementDocument') : t('agreementDocuments', { n: g.documents.length })}</span>
        {range && <>{' '}<span class="badge" title={t('similarity')}>{range}</span></>}
      </h3>
      <ul>
        {g.claims.map((c) => (
          <li key={`${c.document.id}:${c.id}`} data-claim={`${c.document.id}:${c.id}`}>
            <strong>{c.speakers.map((s) => s.name).join(', ') || t('none')}</strong> — <DocLink doc={c.document} claim={c.id} />
            <blockquote>{c.text}</blockquote>
          </li>
        ))}
      </ul>
    </article>
  );
}
