/**
 * The reader's side list: the document's claims (filterable by speaker), the selected claim's actions
 * (accept, reject, edit speakers / span / kind, undo), a form to add a missing claim from selected text,
 * and the history of corrections.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderAttribution, ReaderView } from '../../server/workbench.ts';
import { getJson } from '../api.ts';
import { useAsync, useDebounced } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { href } from '../router.ts';
import { speakerKey } from './ReaderText.tsx';
import { ProvenanceBadges, kindLabel } from './Widgets.tsx';

export interface CorrectionRequest {
  action: 'accept' | 'reject' | 'edit' | 'add';
  attribution?: string;
  speakers?: string[];
  span?: { start: number; end: number };
  quote?: string;
  kind?: string;
  why?: string;
}

interface Props {
  view: ReaderView;
  shown: readonly ReaderAttribution[];
  colours: ReadonlyMap<string, string>;
  /**
   * Scroll the list to the selected claim. Not on a narrow screen, where the list is below the text: a tap
   * on a highlight would jump thousands of pixels away from what the analyst is reading.
   */
  follow?: boolean;
  /** The claim at the reading position: the list, when it scrolls on its own, keeps it at its top. */
  reading?: string | null;
  selected: string | null;
  onSelect(id: string): void;
  speaker: string;
  onSpeaker(key: string): void;
  showRejected: boolean;
  onShowRejected(v: boolean): void;
  selection: { start: number; end: number } | null;
  onCorrect(request: CorrectionRequest): Promise<boolean>;
  onWithdraw(ref: string): Promise<void>;
  onLinkMention(person: string, name: string, to: PersonHit, why?: string): Promise<boolean>;
}

const KINDS = ['quote', 'reported', 'according_to'] as const;

const splitNames = (s: string) => s.split(/[,、，;]/).map((x) => x.trim()).filter(Boolean);

const clip = (s: string, n = 140) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

export function ClaimsPanel(props: Props) {
  const { t } = useI18n();
  const { view, shown, colours, selected } = props;
  const speakers = new Map<string, { label: string; n: number }>();
  for (const a of view.attributions) {
    if (a.review === 'rejected' && !props.showRejected) continue;
    const k = speakerKey(a);
    const s = speakers.get(k) ?? { label: a.speakers.map((x) => x.name).join(' & ') || t('none'), n: 0 };
    s.n++;
    speakers.set(k, s);
  }
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (selected && props.follow !== false) listRef.current?.querySelector(`[data-claim-item="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  // Following the reading position scrolls the panel itself (never the page), and only when it is a column of
  // its own that scrolls.
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || !props.reading || panel.scrollHeight <= panel.clientHeight) return;
    const item = listRef.current?.querySelector(`[data-claim-item="${CSS.escape(props.reading)}"]`) as HTMLElement | null;
    if (!item) return;
    // The first claim: the panel's own top, heading and filters in view.
    const first = listRef.current?.querySelector('[data-claim-item]') === item;
    const top = item.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    panel.scrollTo({ top: first ? 0 : Math.max(0, top - 8) });
  }, [props.reading]);

  return (
    <aside class="claims-panel" aria-labelledby="claims-title" ref={panelRef} data-reading={props.reading ?? undefined}>
      <h2 id="claims-title">{t('claims')} <span class="muted">({shown.length})</span></h2>
      <div class="filters">
        <label>
          {t('filterSpeaker')}
          <select value={props.speaker} onChange={(e) => props.onSpeaker((e.target as HTMLSelectElement).value)} data-testid="speaker-filter">
            <option value="">{t('allSpeakers')}</option>
            {[...speakers.entries()].map(([k, s]) => <option key={k} value={k}>{s.label} ({s.n})</option>)}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={props.showRejected} onChange={(e) => props.onShowRejected((e.target as HTMLInputElement).checked)} />
          {t('showRejected')}
        </label>
      </div>

      <AddClaim view={view} selection={props.selection} onCorrect={props.onCorrect} />

      <ol class="claim-list" ref={listRef}>
        {shown.map((a) => (
          <li key={a.id} data-claim-item={a.id} class={`claim-item ${selected === a.id ? 'selected' : ''} ${a.review === 'rejected' ? 'rejected' : ''}`}>
            <button type="button" class="claim-pick" aria-pressed={selected === a.id} onClick={() => props.onSelect(a.id)}>
              <span class={`swatch ${colours.get(speakerKey(a)) ?? 'sp-none'}`} aria-hidden="true" />
              <strong class="claim-speakers">{a.speakers.map((s) => s.name).join(' & ') || t('none')}</strong>
              <span class="claim-text">{clip(a.content.text)}</span>
            </button>
            <div class="claim-meta">
              <span class="muted">{kindLabel(t, a.kind)}</span>
              {a.footnotes.length > 0 && <span class="muted"> · {t('footnotes')} {a.footnotes.join(', ')}</span>}
              <ProvenanceBadges provenance={a.provenance} review={a.review} />
            </div>
            {selected === a.id && <ClaimActions key={`${a.id}:${a.corrections.join(',')}`} view={view} attribution={a} selection={props.selection} onCorrect={props.onCorrect} onWithdraw={props.onWithdraw} onLinkMention={props.onLinkMention} />}
          </li>
        ))}
      </ol>

      {view.unattributed.length > 0 && (
        <details class="unattributed-list">
          <summary>{t('unattributed')} ({view.unattributed.length})</summary>
          <ul>{view.unattributed.map((u, i) => <li key={i}>{clip(u.content.text)} <span class="muted">{u.footnotes.length ? `[${u.footnotes.join(', ')}]` : ''}</span></li>)}</ul>
        </details>
      )}

      <details class="history">
        <summary>{t('corrections')} ({view.corrections.length})</summary>
        <ol>
          {[...view.corrections].reverse().map((c) => (
            <li key={c.id} class={c.status === 'withdrawn' ? 'withdrawn' : ''}>
              <strong>{c.id}</strong> {t(c.action === 'add' ? 'addClaim' : c.action === 'metadata' ? 'editDetails' : (c.action as MessageKey))}: {clip(c.quote, 60)}
              <div class="muted">{t('correctionBy', { by: c.by, at: c.at.slice(0, 16).replace('T', ' ') })}{c.why ? ` — ${c.why}` : ''}</div>
              {c.status === 'withdrawn' && <span class="badge">{t('withdrawn')}</span>}
              {c.anchored === false && <span class="badge badge-warn">{t('unanchored')}: {c.problem}</span>}
              {c.status === 'active' && <button type="button" class="small" onClick={() => void props.onWithdraw(c.id)}>{t('undo')}</button>}
            </li>
          ))}
        </ol>
      </details>
    </aside>
  );
}

/** A person the corpus knows, as /api/people answers. */
export interface PersonHit {
  readonly id: string;
  readonly name: string;
  readonly organization: string | null;
  readonly forms: readonly string[];
}

function ClaimActions({ view, attribution: a, selection, onCorrect, onWithdraw, onLinkMention }: {
  view: ReaderView;
  attribution: ReaderAttribution;
  selection: { start: number; end: number } | null;
  onCorrect(r: CorrectionRequest): Promise<boolean>;
  onWithdraw(ref: string): Promise<void>;
  onLinkMention(person: string, name: string, to: PersonHit, why?: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const original = a.speakers.map((s) => s.name).join(', ');
  const [names, setNames] = useState(original);
  const [kind, setKind] = useState(a.kind);
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  const last = a.corrections.at(-1);
  // An existing person picked for the speaker, and whether the pick is for every claim of the mention.
  const [picked, setPicked] = useState<PersonHit | null>(null);
  const [allOfMention, setAllOfMention] = useState(false);
  const mention = a.speakers.length === 1 && a.speakers[0]!.person ? a.speakers[0]! : null;
  const typed = useDebounced(names.trim(), 250);
  const hits = useAsync(
    () => (editing && typed && typed !== original && !/^e\d+$/.test(typed) ? getJson<PersonHit[]>('/api/people', { q: typed }) : Promise.resolve([])),
    [editing, typed],
  );

  const run = async (r: CorrectionRequest) => {
    setBusy(true);
    const ok = await onCorrect({ ...r, why: why.trim() || undefined });
    setBusy(false);
    if (ok) setEditing(false);
  };

  return (
    <div class="claim-actions">
      <p class="claim-full">{a.content.text}</p>
      <p class="muted">
        {a.speakers.map((s) => (
          <span key={s.key}>
            {s.identity ? <a href={href('expert', s.identity)}>{s.name}</a> : s.name}
            {s.organization ? ` (${s.organization}${s.title ? ` ${s.title}` : ''})` : ''}{' '}
          </span>
        ))}
        {a.cue && <span>{t('cue')}: 「{a.cue.text}」 </span>}
        {a.hedges.length > 0 && <span>{t('hedges')}: {a.hedges.join(', ')} </span>}
        <span>{t('confidence')}: {Math.round(a.confidence * 100)}%</span>
      </p>
      <div class="buttons">
        <button type="button" disabled={busy || a.review === 'accepted'} onClick={() => void run({ action: 'accept', attribution: a.id })}>✓ {t('accept')}</button>
        <button type="button" disabled={busy || a.review === 'rejected'} onClick={() => void run({ action: 'reject', attribution: a.id })}>✗ {t('reject')}</button>
        <button type="button" disabled={busy} aria-expanded={editing} onClick={() => setEditing(!editing)}>✎ {t('edit')}</button>
        {last && <button type="button" disabled={busy} onClick={() => void onWithdraw(last)}>↶ {t('undo')}</button>}
      </div>
      {editing && (
        <form
          class="editor"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked && mention && allOfMention && names.trim() === picked.id) {
              setBusy(true);
              void onLinkMention(mention.person!, mention.name, picked, why.trim() || undefined).then((ok) => { setBusy(false); if (ok) setEditing(false); });
              return;
            }
            const request: CorrectionRequest = { action: 'edit', attribution: a.id };
            if (names.trim() !== original) request.speakers = splitNames(names);
            if (kind !== a.kind) request.kind = kind;
            if (span) request.span = span;
            void run(request);
          }}
        >
          <label>
            {t('speakersField')}
            <input name="speakers" value={names} list="reader-people" onInput={(e) => { setNames((e.target as HTMLInputElement).value); setPicked(null); }} />
          </label>
          {picked && <p class="picked" data-picked={picked.id}>{picked.name}{picked.organization ? ` (${picked.organization})` : ''} · {picked.forms.join(', ')}</p>}
          {!picked && (hits.data?.length ?? 0) > 0 && (
            <div class="people-hits" role="group" aria-label={t('existingPeople')}>
              <span class="muted">{t('existingPeople')}:</span>
              <ul>
                {hits.data!.slice(0, 8).map((p) => (
                  <li key={p.id}>
                    <button type="button" class="small" data-person={p.id} onClick={() => { setPicked(p); setNames(p.id); }}>
                      {t('usePerson')}: {p.name}{p.organization ? ` (${p.organization})` : ''}
                    </button>
                    <span class="muted"> {p.forms.join(', ')} · {p.id}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {picked && mention && (
            <label class="check">
              <input type="checkbox" name="all-of-mention" checked={allOfMention} onChange={(e) => setAllOfMention((e.target as HTMLInputElement).checked)} />
              {t('allOfMention', { name: mention.name })}
            </label>
          )}
          <label>
            {t('kind')}
            <select name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
              {KINDS.map((k) => <option key={k} value={k}>{kindLabel(t, k)}</option>)}
            </select>
          </label>
          <div class="span-field">
            <span>{t('currentSpan')}: </span>
            <q>{clip(view.text.slice((span ?? a.content).start, (span ?? a.content).end), 80)}</q>
            <button type="button" class="small" disabled={!selection} onClick={() => setSpan(selection)}>{t('useSelection')}</button>
            {!selection && <p class="muted">{t('selectionHint')}</p>}
          </div>
          <label>
            {t('why')}
            <input name="why" value={why} onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
          </label>
          <div class="buttons">
            <button type="submit" disabled={busy}>{t('save')}</button>
            <button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
        </form>
      )}
      <datalist id="reader-people">
        {view.people.filter((p) => p.type === 'person').map((p) => <option key={p.person} value={p.name} />)}
      </datalist>
    </div>
  );
}

/** A missing claim: from the text the analyst selected, or a quote typed in (for keyboard use). */
function AddClaim({ view, selection, onCorrect }: { view: ReaderView; selection: { start: number; end: number } | null; onCorrect(r: CorrectionRequest): Promise<boolean> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [quote, setQuote] = useState('');
  const [names, setNames] = useState('');
  const [kind, setKind] = useState<string>('reported');
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  const selectedText = selection ? view.text.slice(selection.start, selection.end) : '';
  // Selecting text fills the quote; typing afterwards replaces it.
  useEffect(() => { if (selectedText) setQuote(selectedText); }, [selectedText]);
  const fromSelection = selection !== null && quote === selectedText;

  return (
    <details class="add-claim" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{selection ? t('addClaimFromSelection') : t('newClaim')}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const ok = await onCorrect({
            action: 'add', speakers: splitNames(names), kind, why: why.trim() || undefined,
            ...(fromSelection ? { span: selection! } : { quote }),
          });
          setBusy(false);
          if (ok) { setQuote(''); setNames(''); setWhy(''); setOpen(false); }
        }}
      >
        <label>
          {t('selected')}
          <textarea name="quote" rows={3} value={quote} onInput={(e) => setQuote((e.target as HTMLTextAreaElement).value)} />
        </label>
        {!selection && <p class="muted">{t('selectionHint')}</p>}
        <label>
          {t('speakersField')}
          <input name="speakers" value={names} list="add-people" required onInput={(e) => setNames((e.target as HTMLInputElement).value)} />
        </label>
        <datalist id="add-people">
          {view.people.filter((p) => p.type === 'person').map((p) => <option key={p.person} value={p.name} />)}
        </datalist>
        <label>
          {t('kind')}
          <select name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
            {KINDS.map((k) => <option key={k} value={k}>{kindLabel(t, k)}</option>)}
          </select>
        </label>
        <label>
          {t('why')}
          <input name="why" value={why} onInput={(e) => setWhy((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={busy || !quote.trim() || !names.trim()}>{t('addClaim')}</button>
      </form>
    </details>
  );
}
