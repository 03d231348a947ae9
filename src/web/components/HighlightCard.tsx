/**
 * The card a highlight shows on hover or focus: who, in which post, by which cue, how sure, made by whom,
 * how the analyst graded the source and the claim (with the caveats for state media and officials), and who
 * else said nearly the same (other speakers, any document). A card shown on hover lets the pointer through;
 * a click on the highlight pins it (`onClose` given), and a pinned card takes the pointer, so that its grade
 * selects can be used, until it is closed.
 */
import type { ReaderAttribution, ReaderView } from '../../server/workbench.ts';
import { ClaimCredibilityControl, SourceGradeControl } from './GradeControls.tsx';
import { useI18n } from '../i18n.ts';
import { AlsoSaidBy } from './AlsoSaidBy.tsx';
import { ProvenanceBadges, kindLabel } from './Widgets.tsx';

export function HighlightCard({ doc, attribution: a, notes, top, left, inSheet = false, grades, onClose }: {
  /** The document's id, for the claims of other speakers that say nearly the same. */
  doc: string;
  attribution: ReaderAttribution;
  notes: ReadonlyMap<string, string | null>;
  top?: number;
  left?: number;
  /** Shown in the bottom sheet of a narrow screen: in the flow of the sheet, not a tooltip over the text. */
  inSheet?: boolean;
  grades?: ReaderView['grades'];
  /** Set when the card is pinned: it then takes the pointer and has a close button. */
  onClose?: () => void;
}) {
  const { t } = useI18n();
  // Each graded or gradeable source once: speakers, then relays.
  const sources = [...new Set([...a.speakers, ...a.via].map((s) => s.identity).filter((x): x is string => !!x))]
    .map((id) => grades?.sources[id]).filter((s) => s !== undefined);
  return (
    <div
      class={`claim-card${inSheet ? ' in-sheet' : ''}${onClose ? ' pinned' : ''}`}
      {...(inSheet ? {} : { id: 'claim-card', role: 'tooltip', style: { top: `${top ?? 0}px`, left: `${left ?? 0}px` } })}
      onKeyDown={onClose && ((e) => { if (e.key === 'Escape') onClose(); })}
    >
      {onClose && <button type="button" class="small card-close" onClick={onClose} aria-label={t('close')}>×</button>}
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
        {grades && (sources.length > 0 || a.review !== 'rejected') && (
          <div class="grading">
            <dt>{t('gradeSource')}</dt>
            <dd>
              {sources.map((s) => <SourceGradeControl key={s.identity} source={s} compact={sources.length > 1} />)}
              {a.review !== 'rejected' && <ClaimCredibilityControl doc={doc} claim={a.id} credibility={grades.credibility[a.id] ?? null} />}
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
