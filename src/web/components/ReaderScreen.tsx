/**
 * The reader: outline, the text with its highlights, and the claims beside it, with corrections in place.
 * Every correction is sent with the analyst's name and goes on the undo stack.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CorrectionView } from '../../store/corpus.ts';
import type { ReaderAttribution, ReaderView } from '../../server/workbench.ts';
import { getJson, postJson } from '../api.ts';
import { assignColours } from '../colors.ts';
import { useAsync, useMedia } from '../hooks.ts';
import { toRange } from '../highlight/text-offsets.ts';
import { useI18n } from '../i18n.ts';
import { useWorkspace } from '../workspace.ts';
import { DocumentActions } from './DocumentActions.tsx';
import { ClaimsPanel, type CorrectionRequest, type PersonHit } from './ClaimsPanel.tsx';
import { ReaderText, scrollToSpan, speakerKey } from './ReaderText.tsx';
import { HighlightCard } from './HighlightCard.tsx';
import { ErrorBox, ExportButtons, Loading, NotFound, docTitle, isNotFound } from './Widgets.tsx';

/** In a narrow window the outline starts folded, so the text comes first. */
const NARROW = '(max-width: 800px)';
const narrowWindow = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;

export function ReaderScreen({ id, at, claim }: { id: string; at: number | null; claim: string | null }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const view = useAsync(() => getJson<ReaderView>(`/api/documents/${encodeURIComponent(id)}`), [id, workspace.version]);
  const [selected, setSelected] = useState<string | null>(claim);
  const [speaker, setSpeaker] = useState('');
  const [showRejected, setShowRejected] = useState(false);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const v = view.data;
  // A narrow screen stacks the claims below the text: a tapped highlight opens a bottom sheet instead.
  const narrow = useMedia(NARROW);
  const [sheet, setSheet] = useState<string | null>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const selectFromText = useCallback((claimId: string) => {
    setSelected(claimId);
    if (narrowWindow()) setSheet(claimId);
  }, []);
  // Keep the tapped highlight in view above the sheet (scroll only as much as the sheet covers of it).
  useEffect(() => {
    if (!sheet) return;
    const mark = textBox.current?.querySelector(`mark[data-claim="${CSS.escape(sheet)}"]`);
    const box = sheetRef.current;
    if (!mark || !box) return;
    const r = mark.getBoundingClientRect();
    const limit = box.getBoundingClientRect().top - 8;
    // Never so far that its start goes under the header (a highlight taller than the room left keeps its start).
    const by = Math.max(0, Math.min(r.bottom - limit, r.top - 56));
    if (by > 0) scrollBy({ top: by, behavior: 'instant' as ScrollBehavior });
  }, [sheet]);
  useEffect(() => { if (!narrow) setSheet(null); }, [narrow]);

  const colours = useMemo(() => assignColours(v ? v.attributions.map(speakerKey) : []), [v]);
  const shown = useMemo(
    () => (v ? v.attributions.filter((a) => (showRejected || a.review !== 'rejected') && (!speaker || speakerKey(a) === speaker)) : []),
    [v, speaker, showRejected],
  );

  // A link with ?at= or ?claim= scrolls there once the text is in.
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!v) return;
    const key = `${id}|${at}|${claim}`;
    if (scrolled.current === key) return;
    scrolled.current = key;
    const target = claim ? v.attributions.find((a) => a.id === claim)?.content : at !== null ? { start: at, end: Math.min(at + 1, v.text.length) } : null;
    if (target) {
      scrollToSpan(textBox.current?.querySelector('.doc-text') as HTMLElement | null, target);
      if (claim) (textBox.current?.querySelector(`mark[data-claim="${CSS.escape(claim)}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }, [v, id, at, claim]);

  // The section being read: the last heading above a line a little below the top of the window; and the
  // claim being read, the first shown claim whose content reaches below that line (the claims list follows it).
  const [current, setCurrent] = useState<number | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const shownRef = useRef<readonly ReaderAttribution[]>([]);
  shownRef.current = shown;
  useEffect(() => {
    if (!v) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = textBox.current?.querySelector('.doc-text') as HTMLElement | null;
      if (!el) return;
      let at: number | null = null;
      for (const s of v.outline) {
        const rect = toRange(el, { start: s.start, end: s.headingEnd })?.getBoundingClientRect();
        if (rect && rect.top <= 140) at = s.start;
      }
      setCurrent(at);
      // Claims are in text order: a binary search for the first whose content ends below the line.
      const list = shownRef.current;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const rect = toRange(el, list[mid]!.content)?.getBoundingClientRect();
        if (rect && rect.bottom < 140) lo = mid + 1;
        else hi = mid;
      }
      setReading(list[lo]?.id ?? null);
    };
    const onScroll = () => { if (!frame) frame = requestAnimationFrame(update); };
    update();
    addEventListener('scroll', onScroll, { passive: true });
    return () => { removeEventListener('scroll', onScroll); if (frame) cancelAnimationFrame(frame); };
  }, [v]);

  // Keys outside form fields: j / k the next / previous claim, a / r accept / reject the selected one.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    if (!v || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && sheet) { setSheet(null); return; }
    const el = e.target as HTMLElement | null;
    if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
    const at = shown.findIndex((a) => a.id === selected);
    if (e.key === 'j' || e.key === 'k') {
      const next = shown[e.key === 'j' ? Math.min(shown.length - 1, at + 1) : Math.max(0, at - 1)];
      if (!next) return;
      e.preventDefault();
      setSelected(next.id);
      // On a narrow screen the claim's card and actions come up in the sheet, as for a tap.
      if (narrowWindow()) setSheet(next.id);
      scrollToSpan(textBox.current?.querySelector('.doc-text') as HTMLElement | null, next.content);
      (textBox.current?.querySelector(`mark[data-claim="${CSS.escape(next.id)}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
    } else if ((e.key === 'a' || e.key === 'r') && at >= 0) {
      e.preventDefault();
      void correct({ action: e.key === 'a' ? 'accept' : 'reject', attribution: shown[at]!.id });
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const onSelectText = useCallback((span: { start: number; end: number } | null) => setSelection(span), []);

  async function correct(request: CorrectionRequest): Promise<boolean> {
    try {
      const r = await postJson<{ correction: CorrectionView; attribution: { id: string } | null }>(
        `/api/documents/${encodeURIComponent(id)}/corrections`,
        { ...request, by: workspace.user },
      );
      const ref = r.correction.id;
      workspace.pushUndo({
        label: `${t(request.action === 'add' ? 'addClaim' : request.action)} ${request.attribution ?? r.attribution?.id ?? ''}`.trim(),
        undo: async () => { await postJson(`/api/corrections/${ref}/withdraw`, { by: workspace.user }); },
      });
      if (r.attribution) setSelected(r.attribution.id);
      workspace.changed();
      workspace.notify(t('saved'));
      return true;
    } catch (e) {
      workspace.notify((e as Error).message);
      return false;
    }
  }

  /** Every claim of a mention: the mention is linked to an existing person (an identity decision, undoable). */
  async function linkMention(person: string, name: string, to: PersonHit, why?: string): Promise<boolean> {
    try {
      const r = await postJson<{ previous: string | null }>(`/api/documents/${encodeURIComponent(id)}/people/${encodeURIComponent(person)}/identity`, { identity: to.id, why, by: workspace.user });
      const label = t('linkedMention', { name, person: to.name });
      if (r.previous) {
        const previous = r.previous;
        workspace.pushUndo({ label, undo: async () => { await postJson(`/api/documents/${encodeURIComponent(id)}/people/${encodeURIComponent(person)}/identity`, { identity: previous, why: 'undo', by: workspace.user }); } });
      }
      workspace.changed();
      workspace.notify(label);
      return true;
    } catch (e) {
      workspace.notify((e as Error).message);
      return false;
    }
  }

  async function withdraw(ref: string) {
    try {
      await postJson(`/api/corrections/${ref}/withdraw`, { by: workspace.user });
      workspace.changed();
      workspace.notify(t('undone'));
    } catch (e) {
      workspace.notify((e as Error).message);
    }
  }

  if (isNotFound(view.error)) return <NotFound message={t('notFoundDocument', { id })} />;
  if (view.error) return <ErrorBox error={view.error} onRetry={view.reload} />;
  if (!v) return <Loading />;
  const d = v.document;
  return (
    <article class={sheet ? 'screen reader sheet-open' : 'screen reader'} aria-labelledby="doc-title">
      <header class="doc-head">
        <h1 id="doc-title">{docTitle(d, t('untitled'))}</h1>
        <p class="muted">
          {[d.series, d.number && `No. ${d.number}`, d.date, d.name, d.id].filter(Boolean).join(' · ')}
          {d.authors.length > 0 && ` · ${d.authors.map((a) => [a.name, a.organization, a.title].filter(Boolean).join(' ')).join(', ')}`}
        </p>
        <ExportButtons target={{ document: d.id }} />
        <DocumentActions doc={d} />
      </header>
      <div class="reader-grid">
        <nav class="outline" aria-label={t('outline')}>
          <details open={!narrowWindow()}>
            <summary>{t('outline')}</summary>
            <ol>
              {v.outline.map((s) => (
                <li key={s.start} class={`level-${s.level}${current === s.start ? ' current' : ''}`} aria-current={current === s.start ? 'location' : undefined}>
                  <button type="button" class="link" onClick={() => scrollToSpan(textBox.current?.querySelector('.doc-text') as HTMLElement | null, { start: s.start, end: s.headingEnd })}>
                    {s.heading}
                  </button>
                </li>
              ))}
            </ol>
          </details>
        </nav>
        <div class="reader-main" ref={textBox}>
          <Legend />
          <p class="muted small keys-help">{t('readerKeys')}</p>
          <ReaderText view={v} shown={shown} colours={colours} selected={selected} onSelectClaim={selectFromText} onSelectText={onSelectText} noCard={sheet !== null} />
        </div>
        <ClaimsPanel
          view={v}
          shown={shown}
          colours={colours}
          selected={selected}
          follow={!narrow}
          reading={narrow ? null : reading}
          onSelect={(claimId) => {
            setSelected(claimId);
            const a = v.attributions.find((x) => x.id === claimId);
            if (a) scrollToSpan(textBox.current?.querySelector('.doc-text') as HTMLElement | null, a.content);
          }}
          speaker={speaker}
          onSpeaker={setSpeaker}
          showRejected={showRejected}
          onShowRejected={setShowRejected}
          selection={selection}
          onCorrect={correct}
          onWithdraw={withdraw}
          onLinkMention={linkMention}
        />
      </div>
      {sheet && v.attributions.some((a) => a.id === sheet) && (() => {
        const a = v.attributions.find((x) => x.id === sheet)!;
        return (
          <div class="claim-sheet" ref={sheetRef} role="dialog" aria-modal="false" aria-labelledby="claim-sheet-title">
            <div class="sheet-head">
              <h2 id="claim-sheet-title">{t('claimSheetTitle')}</h2>
              <button type="button" class="small" onClick={() => setSheet(null)} aria-label={t('close')}>×</button>
            </div>
            <blockquote lang={v.document.language ?? undefined}>{a.content.text}</blockquote>
            <HighlightCard doc={v.document.id} attribution={a} notes={new Map(v.footnotes.map((f) => [String(f.n), f.note]))} inSheet grades={v.grades} />
            <div class="sheet-actions">
              <button type="button" class="small" onClick={() => void correct({ action: 'accept', attribution: a.id })}>{t('accept')}</button>
              <button type="button" class="small" onClick={() => void correct({ action: 'reject', attribution: a.id })}>{t('reject')}</button>
              <button
                type="button"
                class="small"
                onClick={() => { setSheet(null); document.querySelector(`[data-claim-item="${CSS.escape(a.id)}"]`)?.scrollIntoView({ block: 'start' }); }}
              >
                {t('claimSheetMore')}
              </button>
            </div>
          </div>
        );
      })()}
    </article>
  );
}

/** What the marks in the text mean. */
function Legend() {
  const { t } = useI18n();
  return (
    <details class="legend">
      <summary>{t('legendTitle')}</summary>
      <ul>
        <li><mark class="claim sp-1 sample">{t('legendClaim')}</mark></li>
        <li><span class="cue sample">{t('legendCue')}</span></li>
        <li><mark class="claim sp-2 by-analyst sample">{t('legendAnalyst')}</mark></li>
        <li><mark class="claim rejected sample">{t('legendRejected')}</mark></li>
        <li><span class="unattributed sample">{t('legendUnattributed')}</span></li>
        <li><span class="fn">1</span> {t('legendNote')}</li>
      </ul>
    </details>
  );
}
