/**
 * The card a highlight shows on hover or focus: who, in which post, by which cue, how sure, made by whom,
 * and who else said nearly the same (other speakers, any document).
 */
import type { ReaderAttribution } from '../../server/workbench.ts';
import { useI18n } from '../i18n.ts';
import { AlsoSaidBy } from './AlsoSaidBy.tsx';
import { ProvenanceBadges, kindLabel } from './Widgets.tsx';

export function HighlightCard({ doc, attribution: a, notes, top, left, inSheet = false }: {
  /** The document's id, for the claims of other speakers that say nearly the same. */
  doc: string;
  attribution: ReaderAttribution;
  notes: ReadonlyMap<string, string | null>;
  top?: number;
  left?: number;
  /** Shown in the bottom sheet of a narrow screen: in the flow of the sheet, not a tooltip over the text. */
  inSheet?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div
      class={inSheet ? 'claim-card in-sheet' : 'claim-card'}
      {...(inSheet ? {} : { id: 'claim-card', role: 'tooltip', style: { top: `${top ?? 0}px`, left: `${left ?? 0}px` } })}
    >
      <dl>
        {a.speakers.map((s) => (
          <div key={s.key} class="speaker-line">
            <dt>{t('speaker')}</dt>
            <dd>
              <strong>{s.name}</strong>
              {s.organization && <span>{` — ${t('organization')}: ${s.organization}`}</span>}
              {s.title && <span>{` — ${t('post')}: ${s.title}`}</span>}
            </dd>
          </div>
        ))}
        {a.speakers.length === 0 && (<div><dt>{t('speaker')}</dt><dd>{t('none')}</dd></div>)}
        {a.via.length > 0 && (<div><dt>{t('viaRole')}</dt><dd>{a.via.map((v) => v.name).join(', ')}</dd></div>)}
        <div><dt>{t('cue')}</dt><dd>{a.cue ? `「${a.cue.text}」` : t('none')}</dd></div>
        <div><dt>{t('kind')}</dt><dd>{kindLabel(t, a.kind)}</dd></div>
        <div><dt>{t('hedges')}</dt><dd>{a.hedges.length ? a.hedges.join(', ') : t('none')}</dd></div>
        <div><dt>{t('confidence')}</dt><dd>{Math.round(a.confidence * 100)}%</dd></div>
        <div><dt>{t('madeBy')}</dt><dd><ProvenanceBadges provenance={a.provenance} review={a.review} /></dd></div>
        {a.footnotes.length > 0 && (
          <div>
            <dt>{t('footnotes')}</dt>
            <dd>
              <ul class="notes">
                {a.footnotes.map((n) => <li key={n}>{n}: {notes.get(String(n)) ?? t('noNoteText')}</li>)}
              </ul>
            </dd>
          </div>
        )}
        {a.review !== 'rejected' && (
          <div><dt>{t('alsoSaidBy')}</dt><dd><AlsoSaidBy doc={doc} claim={a.id} compact /></dd></div>
        )}
      </dl>
    </div>
  );
}
