/**
 * The document's original text with its attributions highlighted in the speaker's colour, cues and
 * footnote markers marked, headings set apart. Built from stored offsets: the text is cut into runs
 * (highlight/build-runs.ts) rendered as text nodes inside <mark>/<span>, never as HTML, so a document that
 * holds <script> or <img onerror=…> shows those characters and nothing runs.
 *
 * Hovering or focusing a highlight shows its card (speaker, organisation, post, cue, kind, hedges,
 * confidence, machine or analyst); clicking or pressing Enter selects the claim for correction.
 */
import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReaderAttribution, ReaderView } from '../../server/workbench.ts';
import { buildRuns, type MarkSpan } from '../highlight/build-runs.ts';
import { selectionSpan, toRange } from '../highlight/text-offsets.ts';
import { useI18n } from '../i18n.ts';
import { HighlightCard } from './HighlightCard.tsx';

export interface ReaderTextProps {
  readonly view: ReaderView;
  /** Attributions to highlight (the filter of the side list applies here too). */
  readonly shown: readonly ReaderAttribution[];
  readonly colours: ReadonlyMap<string, string>;
  readonly selected: string | null;
  onSelectClaim(id: string): void;
  /** The span of the text the analyst selected (null when the selection is gone). */
  onSelectText(span: { start: number; end: number } | null): void;
  /** No card over the text (the bottom sheet of a narrow screen shows the claim instead). */
  readonly noCard?: boolean;
}

interface CardPlace {
  readonly id: string;
  readonly top: number;
  readonly left: number;
}

export const speakerKey = (a: ReaderAttribution) => a.speakers.map((s) => s.key).join('+') || 'none';

function pieceClass(marks: readonly MarkSpan[]): string {
  const classes = new Set<string>();
  for (const m of marks) {
    if (m.kind === 'footnote') classes.add('fn');
    else if (m.kind === 'cue') classes.add('cue');
    else if (m.kind === 'heading') classes.add('heading');
    else classes.add('unattributed');
  }
  return [...classes].join(' ');
}

export function ReaderText(props: ReaderTextProps) {
  const { view, shown, colours, selected } = props;
  const { t } = useI18n();
  const textRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // The card follows the pointer, else the keyboard focus: moving the mouse over plain text must not hide
  // the card of the highlight the keyboard is on.
  const [hover, setHover] = useState<CardPlace | null>(null);
  const [focus, setFocus] = useState<CardPlace | null>(null);
  // A click pins a highlight's card (it then takes the pointer: its grade selects) until it is closed.
  const [pinned, setPinned] = useState<CardPlace | null>(null);
  const card = hover ?? focus ?? pinned;
  useEffect(() => {
    if (!pinned) return;
    const onDown = (e: MouseEvent) => {
      const el = e.target as Element | null;
      if (!el?.closest?.('#claim-card') && !el?.closest?.('mark[data-claim]')) setPinned(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [pinned]);
  // A footnote's note, opened from its marker (click, tap, Enter or Space; Escape closes it).
  const [note, setNote] = useState<{ id: string; top: number; left: number } | null>(null);
  const byId = useMemo(() => new Map(view.attributions.map((a) => [a.id, a])), [view]);
  const notes = useMemo(() => new Map(view.footnotes.map((f) => [String(f.n), f.note])), [view]);
  const noteLabel = useCallback((n: string) => t('footnote', { n }), [t]);

  const runs = useMemo(() => {
    const marks: MarkSpan[] = [
      ...view.footnotes.map((f) => ({ kind: 'footnote' as const, id: String(f.n), start: f.start, end: f.end })),
      ...view.outline.map((s, i) => ({ kind: 'heading' as const, id: String(i), start: s.start, end: s.headingEnd })),
      ...shown.filter((a) => a.cue).map((a) => ({ kind: 'cue' as const, id: a.id, start: a.cue!.start, end: a.cue!.end })),
      ...view.unattributed.map((u, i) => ({ kind: 'unattributed' as const, id: String(i), start: u.content.start, end: u.content.end })),
    ];
    return buildRuns(view.text.length, shown.map((a) => ({ id: a.id, start: a.content.start, end: a.content.end })), marks);
  }, [view, shown]);

  // The text the analyst selects, as a document span, for "use selected text" and "add a claim".
  useEffect(() => {
    const onChange = () => {
      const el = textRef.current;
      if (!el) return;
      const sel = document.getSelection();
      if (sel && sel.rangeCount && el.contains(sel.anchorNode)) props.onSelectText(selectionSpan(el, sel));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [props.onSelectText]);

  function openNote(marker: Element) {
    const box = boxRef.current;
    if (!box) return;
    const id = marker.getAttribute('data-fn')!;
    if (note?.id === id) { setNote(null); return; }
    const r = marker.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    setNote({ id, top: r.bottom - b.top + 6, left: Math.max(0, Math.min(r.left - b.left, b.width - 320)) });
  }

  function placeOf(target: EventTarget | null): CardPlace | null {
    const mark = (target as Element | null)?.closest?.('mark[data-claim]');
    const box = boxRef.current;
    if (!mark || !box) return null;
    const r = mark.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return { id: mark.getAttribute('data-claim')!, top: r.bottom - b.top + 6, left: Math.max(0, Math.min(r.left - b.left, b.width - 320)) };
  }

  return (
    <div class="reader-text-box" ref={boxRef} onMouseLeave={() => setHover(null)}>
      <div
        class="doc-text"
        ref={textRef}
        lang={view.document.language ?? undefined}
        data-ready="true"
        tabIndex={-1}
        onMouseOver={(e) => setHover(placeOf(e.target))}
        onFocusIn={(e) => setFocus(placeOf(e.target))}
        onFocusOut={() => setFocus(null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setHover(null);
            setFocus(null);
            setPinned(null);
            if (note) {
              (textRef.current?.querySelector(`.fn[data-fn="${CSS.escape(note.id)}"]`) as HTMLElement | null)?.focus();
              setNote(null);
            }
          }
          const marker = (e.target as Element).closest?.('.fn[data-fn]');
          if (marker && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            openNote(marker);
            return;
          }
          const mark = (e.target as Element).closest?.('mark[data-claim]');
          if (mark && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            props.onSelectClaim(mark.getAttribute('data-claim')!);
          }
        }}
        onClick={(e) => {
          const marker = (e.target as Element).closest?.('.fn[data-fn]');
          if (marker) { openNote(marker); return; }
          const mark = (e.target as Element).closest?.('mark[data-claim]');
          // A click that ends a text selection is for selecting text, not the claim.
          if (mark && document.getSelection()?.isCollapsed !== false) {
            props.onSelectClaim(mark.getAttribute('data-claim')!);
            setPinned(placeOf(mark));
          }
        }}
      >
        <Runs text={view.text} runs={runs} byId={byId} colours={colours} selected={selected} notes={notes} noteLabel={noteLabel} cardId={props.noCard ? null : card?.id ?? null} openNote={note?.id ?? null} />
      </div>
      {note && (
        <div class="fn-popover" id="fn-popover" role="note" style={{ top: `${note.top}px`, left: `${note.left}px` }}>
          <strong>{noteLabel(note.id)}</strong> {notes.get(note.id) ?? '—'}
          <button type="button" class="small" onClick={() => setNote(null)} aria-label={t('close')}>×</button>
        </div>
      )}
      {card && !props.noCard && byId.get(card.id) && (
        <HighlightCard
          doc={props.view.document.id} attribution={byId.get(card.id)!} notes={notes} top={card.top} left={card.left} grades={view.grades}
          onClose={pinned && pinned.id === card.id ? () => setPinned(null) : undefined}
        />
      )}
    </div>
  );
}

interface RunsProps {
  text: string;
  runs: ReturnType<typeof buildRuns>;
  byId: Map<string, ReaderAttribution>;
  colours: ReadonlyMap<string, string>;
  selected: string | null;
  notes: Map<string, string | null>;
  noteLabel: (n: string) => string;
  cardId: string | null;
  /** The marker whose note is open: only it controls the popover (aria-controls must name an element there). */
  openNote: string | null;
}

/** Memoised: hovering changes the card, not the text, and a long document should not render again for it. */
const Runs = memo(function Runs({ text, runs, byId, colours, selected, notes, noteLabel, cardId, openNote }: RunsProps) {
  return (
    <>
      {runs.map((run) => {
        const pieces: ComponentChildren[] = run.pieces.map((p) => {
          const s = text.slice(p.start, p.end);
          if (p.marks.length === 0) return s;
          const fn = p.marks.find((m) => m.kind === 'footnote');
          const note = fn ? notes.get(fn.id) : undefined;
          return (
            <span
              class={pieceClass(p.marks)}
              data-fn={fn?.id}
              // A note marker is a control: focusable, named by its note, opening it (ReaderText); the note is
              // also in data-note, which the print stylesheet writes out after the marker.
              {...(fn ? {
                tabIndex: 0, role: 'button', 'aria-label': `${noteLabel(fn.id)}${note ? `: ${note}` : ''}`, 'data-note': note ?? '',
                'aria-expanded': openNote === fn.id, ...(openNote === fn.id ? { 'aria-controls': 'fn-popover' } : {}),
              } : {})}
            >
              {s}
            </span>
          );
        });
        if (!run.claim) return pieces;
        const a = byId.get(run.claim)!;
        const classes = ['claim', colours.get(speakerKey(a)) ?? 'sp-none'];
        if (a.review === 'rejected') classes.push('rejected');
        if (a.provenance === 'analyst' || a.review) classes.push('by-analyst');
        if (selected === a.id) classes.push('selected');
        return (
          <mark
            class={classes.join(' ')}
            data-claim={a.id}
            data-start={run.start}
            tabIndex={run.first ? 0 : -1}
            aria-describedby={cardId === a.id ? 'claim-card' : undefined}
          >
            {pieces}
          </mark>
        );
      })}
    </>
  );
});

/** Scrolls the window so that a document span is in view, near the top. */
export function scrollToSpan(container: HTMLElement | null, span: { start: number; end: number }): void {
  if (!container) return;
  const range = toRange(container, span);
  const rect = range?.getBoundingClientRect();
  if (rect) window.scrollTo({ top: Math.max(0, rect.top + window.scrollY - 120), behavior: 'auto' });
}
