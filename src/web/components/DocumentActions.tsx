/**
 * A document's actions in the reader: correct its title, date, series, number and authors (recorded as a
 * correction, undoable), and delete it after a confirmation (undoable until the next upload).
 */
import { useState } from 'preact/hooks';
import type { ReaderView } from '../../server/workbench.ts';
import { ApiError, deleteJson, postJson } from '../api.ts';
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

export function DocumentActions({ doc }: { doc: Doc }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      {!confirming && <button type="button" class="small danger" onClick={() => setConfirming(true)}>{t('deleteDocument')}</button>}
      {confirming && (
        <span class="confirm" role="group" aria-label={t('deleteDocument')}>
          {t('deleteConfirm')}{' '}
          <button type="button" class="small danger" onClick={() => void remove()} autoFocus>{t('deleteYes')}</button>{' '}
          <button type="button" class="small" onClick={() => setConfirming(false)}>{t('cancel')}</button>
        </span>
      )}
      {error && <p class="error-inline" role="alert">{error}</p>}
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
