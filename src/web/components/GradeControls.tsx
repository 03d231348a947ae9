/**
 * Source grading in the workbench (store/grading.ts): a source's reliability (A–F) with the caveats that fit
 * it and the list's suggestion, and a claim's credibility (1–6). Each is a select: choosing a grade records
 * it with the analyst's name, choosing "not graded" clears it (recorded too); both go on the undo stack. The
 * caveat shows whether the source is graded or not: a grade does not make an official line less official.
 */
import type { SourceGradeView } from '../../store/grading.ts';
import type { ClaimCredibility } from '../../store/store.ts';
import { CREDIBILITY, CREDIBILITY_LABEL, RELIABILITY, RELIABILITY_LABEL } from '../../core/grading/grades.ts';
import { deleteJson, putJson } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { useWorkspace } from '../workspace.ts';

type Put = (value: string | null) => Promise<void>;

/** Sets or clears through `put`, with a notice and an undo that puts back what was there. */
function useGrade(what: string, previous: string | null, put: Put): (value: string) => Promise<void> {
  const { t } = useI18n();
  const workspace = useWorkspace();
  return async (raw: string) => {
    const value = raw || null;
    if (value === previous) return;
    try {
      await put(value);
      const label = value ? t('gradeSet', { what, grade: value }) : t('gradeCleared', { what });
      workspace.pushUndo({ label, undo: () => put(previous) });
      workspace.changed();
      workspace.notify(label);
    } catch (e) {
      workspace.notify((e as Error).message);
    }
  };
}

export function SourceGradeControl({ source, compact }: { source: SourceGradeView; compact?: boolean }) {
  const { t, language } = useI18n();
  const workspace = useWorkspace();
  const r = source.reliability;
  const path = `/api/sources/${encodeURIComponent(source.identity)}/grade`;
  const set = useGrade(source.name, r?.value ?? null, async (value) => {
    if (value) await putJson(path, { reliability: value, by: workspace.user });
    else await deleteJson(path, { by: workspace.user });
  });
  return (
    <div class={`grade source-grade${compact ? ' compact' : ''}`} data-source={source.identity}>
      <label>
        <span>{t('gradeReliability')}{compact ? ` (${source.name})` : ''}</span>{' '}
        <select value={r?.value ?? ''} onChange={(e) => void set((e.target as HTMLSelectElement).value)}>
          <option value="">{t('gradeNone')}</option>
          {RELIABILITY.map((g) => <option key={g} value={g}>{`${g} ${RELIABILITY_LABEL[g][language]}`}</option>)}
        </select>
      </label>
      {r && <span class="muted small">{` ${t('gradeBy', { by: r.by, at: r.at.slice(0, 10) })}${r.why ? `: ${r.why}` : ''}`}</span>}
      {!r && source.suggestion && <span class="muted small suggestion">{` ${t('gradeSuggested', { grade: `${source.suggestion} ${RELIABILITY_LABEL[source.suggestion][language]}` })}`}</span>}
      {source.caveats.length > 0 && (
        <ul class="caveats">
          {source.caveats.map((c) => (
            <li key={c.id} class="caveat"><strong>{`${t('gradeCaveat')}: ${c.label[language]}`}</strong>{` ${c.caveat[language]}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ClaimCredibilityControl({ doc, claim, credibility }: { doc: string; claim: string; credibility: ClaimCredibility | null }) {
  const { t, language } = useI18n();
  const workspace = useWorkspace();
  const path = `/api/documents/${encodeURIComponent(doc)}/claims/${encodeURIComponent(claim)}/grade`;
  const set = useGrade(claim, credibility?.value ?? null, async (value) => {
    if (value) await putJson(path, { credibility: value, by: workspace.user });
    else await deleteJson(path, { by: workspace.user });
  });
  return (
    <div class="grade claim-grade" data-claim-grade={claim}>
      <label>
        <span>{t('gradeCredibility')}</span>{' '}
        <select value={credibility?.value ?? ''} onChange={(e) => void set((e.target as HTMLSelectElement).value)}>
          <option value="">{t('gradeNone')}</option>
          {CREDIBILITY.map((g) => <option key={g} value={g}>{`${g} ${CREDIBILITY_LABEL[g][language]}`}</option>)}
        </select>
      </label>
      {credibility && <span class="muted small">{` ${t('gradeBy', { by: credibility.by, at: credibility.at.slice(0, 10) })}${credibility.why ? `: ${credibility.why}` : ''}`}</span>}
    </div>
  );
}
