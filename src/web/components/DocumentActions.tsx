/**
 * A document's actions in the reader: correct its title, date, series, number and authors (recorded as a
 * correction, undoable), replace it with a new version (its corrections anchored again; the result stays
 * shown on the new version's page; undone by deleting the new version, which makes the old one current
 * again), and delete it after a confirmation (undoable until the next upload).
 */
import { useState } from 'preact/hooks';
import type { ReaderView } from '../../server/workbench.ts';
import { ApiError, deleteJson, postJson, replaceDocument, type ReplaceResult, type ReplacedCorrection } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { navigate } from '../router.ts';
import { useWorkspace } from '../workspace.ts';

type Doc = ReaderView['document'];

/** Authors one a line: "Name, organisation, post" (the last two may be left out). */
function parseAuthors(text: string): { name: string; organization: string | null; title: string | null }[] {
  return text.split('\n').map((line) => line.split(',').map((x) => x.trim())).filter((p) => p[0])
    .map(([name, organization, ...rest]) => ({ name: name!, organization: organization || null, title: rest.join(', ') || null }));
}
const showAuthors = (d: Doc) => d.authors.map((a) => [a.name, a.organization ?? (a.title ? '' : null), a.title].filter((x) => x !== null).join(', ')).join('\n');

/** The last replacement made in this tab, shown on the new version's page until it is closed. */
let lastReplacement: ReplaceResult | null = null;

const ACTION_KEYS = { accept: 'accept', reject: 'reject', edit: 'edit', add: 'addClaim', metadata: 'editDetails' } as const;

export function DocumentActions({ doc }: { doc: Doc }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The reader may keep this component when it moves to the new version: read the report on each render.
  const [, setClosed] = useState(0);
  const result = lastReplacement?.document.id === doc.id ? lastReplacement : null;

  async function replace(form: HTMLFormElement) {
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const r = await replaceDocument(doc.id, file);
      const old = doc.id;
      const next = r.document.id;
      lastReplacement = r;
      workspace.pushUndo({
        label: t('replaceDocument'),
        undo: async () => { await deleteJson(`/api/documents/${encodeURIComponent(next)}`); navigate(`#/doc/${encodeURIComponent(old)}`); },
      });
      setReplacing(false);
      setError(null);
      workspace.changed();
      workspace.notify(t('documentReplaced'));
      navigate(`#/doc/${encodeURIComponent(next)}`);
    } catch (e) {
      setError(e instanceof ApiError && e.reason === 'language' ? t('replaceLanguage') : t('replaceRefused', { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  function closeResult() {
    lastReplacement = null;
    setClosed((n) => n + 1);
  }

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const fields: Record<string, unknown> = {};
    if (text('title') !== (doc.title ?? '')) fields.title = text('title');
    if (text('date') !== (doc.date ?? '')) fields.date = text('date') || null;
    if (text('series') !== (doc.series ?? '')) fields.series = text('series') || null;
    if (text('number') !== (doc.number ?? '')) fields.number = text('number') || null;
    if (text('authors') !== showAuthors(doc)) fields.authors = parseAuthors(text('authors'));
    if (!Object.keys(fields).length) { setEditing(false); return; }
    const expected = { title: doc.title, date: doc.date, series: doc.series, number: doc.number };
    try {
      const r = await postJson<{ correction: { id: string } }>(`/api/documents/${encodeURIComponent(doc.id)}/metadata`, { ...fields, expected, why: text('why'), by: workspace.user });
      const ref = r.correction.id;
      workspace.pushUndo({ label: t('editDetails'), undo: async () => { await postJson(`/api/corrections/${ref}/withdraw`, { by: workspace.user }); } });
      setEditing(false);
      setError(null);
      workspace.changed();
      workspace.notify(t('saved'));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 ? t('errorConflict', { detail: e.message }) : (e as Error).message);
    }
  }

  async function remove() {
    try {
      await deleteJson(`/api/documents/${encodeURIComponent(doc.id)}`);
      const id = doc.id;
      workspace.pushUndo({ label: t('deleteDocument'), undo: async () => { await postJson(`/api/documents/${encodeURIComponent(id)}/restore`, {}); navigate(`#/doc/${encodeURIComponent(id)}`); } });
      workspace.changed();
      workspace.notify(t('documentDeleted'));
      navigate('#/');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div class="doc-actions">
      <button type="button" class="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>{t('editDetails')}</button>
      <button type="button" class="small" aria-expanded={replacing} onClick={() => { setReplacing(!replacing); setError(null); }}>{t('replaceDocument')}</button>
      {!confirming && <button type="button" class="small danger" onClick={() => setConfirming(true)}>{t('deleteDocument')}</button>}
      {confirming && (
        <span class="confirm" role="group" aria-label={t('deleteDocument')}>
          {t('deleteConfirm')}{' '}
          <button type="button" class="small danger" onClick={() => void remove()} autoFocus>{t('deleteYes')}</button>{' '}
          <button type="button" class="small" onClick={() => setConfirming(false)}>{t('cancel')}</button>
        </span>
      )}
      {error && <p class="error-inline" role="alert">{error}</p>}
      {replacing && (
        <form class="doc-replace" onSubmit={(e) => { e.preventDefault(); void replace(e.currentTarget as HTMLFormElement); }}>
          <p class="muted small">{t('replaceHelp')}</p>
          <label>{t('replaceFile')} <input type="file" name="file" required /></label>
          <button type="submit" disabled={busy} aria-busy={busy}>{t('replaceUpload')}</button>
        </form>
      )}
      {result && <ReplaceReport result={result} onClose={closeResult} />}
      {editing && (
        <form class="doc-details" onSubmit={(e) => { e.preventDefault(); void save(e.currentTarget as HTMLFormElement); }}>
          <label>{t('fieldTitle')} <input name="title" defaultValue={doc.title ?? ''} required /></label>
          <label>{t('fieldDate')} <input name="date" defaultValue={doc.date ?? ''} placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></label>
          <label>{t('fieldSeries')} <input name="series" defaultValue={doc.series ?? ''} /></label>
          <label>{t('fieldNumber')} <input name="number" defaultValue={doc.number ?? ''} /></label>
          <label>{t('fieldAuthors')} <textarea name="authors" rows={3} defaultValue={showAuthors(doc)} /></label>
          <label>{t('why')} <input name="why" /></label>
          <button type="submit">{t('save')}</button>
        </form>
      )}
    </div>
  );
}

/** Where the corrections stand after a replacement: anchored again, and no longer anchoring. */
function ReplaceReport({ result, onClose }: { result: ReplaceResult; onClose: () => void }) {
  const { t } = useI18n();
  const item = (c: ReplacedCorrection) => (
    <li key={c.id}>
      <code>{c.id}</code> {t(ACTION_KEYS[c.action as keyof typeof ACTION_KEYS] ?? 'edit')} <q>{c.quote}</q>
      {c.problem && <span class="muted small"> — {c.problem}</span>}
    </li>
  );
  const { reanchored } = result;
  const { unanchored } = result.version;
  return (
    <section class="replace-report" role="status" aria-labelledby="replace-report-title">
      <h2 id="replace-report-title">{t('replaceResult')}</h2>
      {reanchored.length + unanchored.length === 0 && <p>{t('replaceNone')}</p>}
      {reanchored.length > 0 && (
        <>
          <h3>{t('replaceReanchored', { n: reanchored.length })}</h3>
          <ul class="reanchored">{reanchored.map(item)}</ul>
        </>
      )}
      {unanchored.length > 0 && (
        <>
          <h3>{t('replaceUnanchored', { n: unanchored.length })}</h3>
          <ul class="unanchored">{unanchored.map(item)}</ul>
        </>
      )}
      <button type="button" class="small" onClick={onClose}>{t('close')}</button>
    </section>
  );
}
