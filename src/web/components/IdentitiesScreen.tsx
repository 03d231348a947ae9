/**
 * Identity decisions: proposed matches to confirm (merge) or refuse (keep apart), a form to merge any two
 * people, and the record of every decision with who made it.
 */
import { useState } from 'preact/hooks';
import type { PersonSummaryLite, ProposalView } from '../../store/corpus.ts';
import type { DecisionRecord } from '../../store/store.ts';
import { getJson, postJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { ErrorBox, Loading } from './Widgets.tsx';

export function IdentitiesScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const proposals = useAsync(() => getJson<ProposalView[]>('/api/identities/proposals'), [workspace.version]);
  const decisions = useAsync(() => getJson<DecisionRecord[]>('/api/identities/decisions'), [workspace.version]);
  const [keep, setKeep] = useState('');
  const [fold, setFold] = useState('');
  const [error, setError] = useState<string | null>(null);

  const [reasons, setReasons] = useState<Record<string, string>>({});
  const pairKey = (p: ProposalView) => `${p.a.id}-${p.b.id}`;

  async function merge(a: PersonSummaryLite | string, b: PersonSummaryLite | string, why?: string) {
    setError(null);
    try {
      const aRef = typeof a === 'string' ? a : a.id;
      const bRef = typeof b === 'string' ? b : b.id;
      const folded = typeof b === 'string' ? null : b;
      const kept = await postJson<PersonSummaryLite>('/api/identities/merge', { keep: aRef, fold: bRef, by: workspace.user, why });
      if (folded) {
        workspace.pushUndo({
          label: t('merged', { a: kept.name, b: folded.name }),
          undo: async () => { await postJson('/api/identities/split', { identity: kept.id, forms: folded.forms, by: workspace.user, why: 'undo merge' }); },
        });
      }
      workspace.changed();
      workspace.notify(t('merged', { a: kept.name, b: folded?.name ?? bRef }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function dismiss(p: ProposalView) {
    setError(null);
    try {
      await postJson('/api/identities/dismiss', { a: p.a.id, b: p.b.id, by: workspace.user, why: reasons[pairKey(p)] });
      workspace.pushUndo({
        label: t('keptApart', { a: p.a.name, b: p.b.name }),
        undo: async () => { await postJson('/api/identities/reopen', { a: p.a.id, b: p.b.id, by: workspace.user }); },
      });
      workspace.changed();
      workspace.notify(t('keptApart', { a: p.a.name, b: p.b.name }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section class="screen identities" aria-labelledby="identities-title">
      <h1 id="identities-title">{t('identitiesTitle')}</h1>
      {error && <p class="error-inline" role="alert">{error}</p>}
      <h2>{t('proposals')}</h2>
      <p class="muted">{t('proposalHelp')}</p>
      {proposals.error && <ErrorBox error={proposals.error} onRetry={proposals.reload} />}
      {!proposals.data && !proposals.error && <Loading />}
      {proposals.data?.length === 0 && <p>{t('noProposals')}</p>}
      <ul class="proposals">
        {proposals.data?.map((p) => (
          <li key={pairKey(p)} class="proposal" data-proposal={pairKey(p)}>
            <PersonLine person={p.a} /> ⇄ <PersonLine person={p.b} />
            <div class="muted">{t('score', { s: p.score.toFixed(2) })} · {t('evidence')}: {p.evidence.filter((e) => !conflictOf(e)).join('; ')}</div>
            {p.evidence.some(conflictOf) && (
              <div class="conflicts"><strong>{t('conflicts')}</strong>: {p.evidence.map(conflictOf).filter((c) => c !== null).map((c) => showConflict(t, c)).join('; ')}</div>
            )}
            <div class="buttons">
              <label>{t('proposalWhy')} <input name="why" value={reasons[pairKey(p)] ?? ''} onInput={(e) => setReasons({ ...reasons, [pairKey(p)]: (e.target as HTMLInputElement).value })} /></label>
              <button type="button" class="small" onClick={() => void merge(p.a, p.b, reasons[pairKey(p)])}>{t('acceptSame')}</button>
              <button type="button" class="small" onClick={() => void dismiss(p)}>{t('rejectDifferent')}</button>
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('mergeTwo')}</h2>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); void merge(keep.trim(), fold.trim()); }}>
        <label>{t('keepField')} <input value={keep} placeholder={t('mergePlaceholder')} onInput={(e) => setKeep((e.target as HTMLInputElement).value)} /></label>
        <label>{t('foldField')} <input value={fold} placeholder={t('mergePlaceholder')} onInput={(e) => setFold((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" disabled={!keep.trim() || !fold.trim()}>{t('merge')}</button>
      </form>

      <h2>{t('decisions')}</h2>
      {decisions.data && (
        <ol class="decisions">
          {[...decisions.data].reverse().map((d) => (
            <li key={d.id}>
              <strong>{t(`decision_${d.kind}` as MessageKey)}</strong> {d.a}{d.b ? ` / ${d.b}` : ''}{d.forms.length ? ` (${d.forms.join(', ')})` : ''}
              <span class="muted"> — {t('correctionBy', { by: d.by, at: d.at.slice(0, 16).replace('T', ' ') })}{d.why ? `: ${d.why}` : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A person of a proposal: name, organisation and every form, linked to their page. */
function PersonLine({ person }: { person: PersonSummaryLite }) {
  return (
    <span class="person-line">
      <a href={href('expert', person.id)}>{person.name}</a>
      {person.organization && <span> ({person.organization})</span>}
      <span class="muted"> [{person.forms.join(', ')}]</span>
    </span>
  );
}

const CALLINGS: Record<string, MessageKey> = {
  academic: 'callingAcademic', military: 'callingMilitary', press: 'callingPress', politics: 'callingPolitics', diplomacy: 'callingDiplomacy', business: 'callingBusiness',
};

function showConflict(t: Translate, c: { key: MessageKey; params: Record<string, string> }): string {
  const calling = (x: string | undefined) => (x && CALLINGS[x] ? t(CALLINGS[x]!) : x ?? '');
  return t(c.key, c.key === 'conflictPost' ? { ...c.params, ca: calling(c.params.ca), cb: calling(c.params.cb) } : c.params);
}

/**
 * A conflict the store names in a proposal's evidence (store/identities.ts identityConflicts), as a message to
 * translate; null for the rest of the evidence (the matcher's comparison of names).
 */
function conflictOf(e: string): { key: MessageKey; params: Record<string, string> } | null {
  let m = /^organisation differs: (.*) ≠ (.*)$/.exec(e);
  if (m) return { key: 'conflictOrganization', params: { a: m[1]!, b: m[2]! } };
  m = /^post differs: (.*) \((\w+)\) ≠ (.*) \((\w+)\)$/.exec(e);
  if (m) return { key: 'conflictPost', params: { a: m[1]!, b: m[3]!, ca: m[2]!, cb: m[4]! } };
  m = /^name differs: (.*?) ≠ (.*?) \(.*\)$/.exec(e);
  if (m) return { key: 'conflictName', params: { a: m[1]!, b: m[2]! } };
  m = /^dates too far apart: (\d{4})–(\d{4}) \((\d+) years\)$/.exec(e);
  if (m) return { key: 'conflictDates', params: { from: m[1]!, to: m[2]!, n: m[3]! } };
  return null;
}
