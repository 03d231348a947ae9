/**
 * The library: add documents (drop or pick files; each uploads on its own with progress and its own result)
 * and the list of documents, filtered by words, language and date order.
 */
import { useRef, useState } from 'preact/hooks';
import type { LibraryEntry } from '../../server/workbench.ts';
import { getJson, uploadFile, type UploadResult } from '../api.ts';
import { useAsync, useDebounced } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { ErrorBox, ExportButtons, Loading, docTitle } from './Widgets.tsx';

interface Session {
  upload: { maxBytes: number; maxFiles: number; extensions: string[] };
}

interface Item {
  readonly key: number;
  readonly file: File;
  state: 'queued' | 'sending' | 'analysing' | 'done';
  progress: number;
  result?: UploadResult;
}

/** Uploads at a time: two keeps the bar moving without starving the server's analysis. */
const PARALLEL = 2;

export function LibraryScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const session = useAsync(() => getJson<Session>('/api/session'), []);
  const [items, setItems] = useState<Item[]>([]);
  const nextKey = useRef(0);
  const [dragging, setDragging] = useState(false);

  const [q, setQ] = useState('');
  const [language, setLanguage] = useState('');
  const [sort, setSort] = useState('added');
  const [limit, setLimit] = useState(100);
  const query = useDebounced(q, 200);
  const list = useAsync(
    () => getJson<{ total: number; documents: LibraryEntry[] }>('/api/documents', { q: query, language, sort, limit }),
    [query, language, sort, limit, workspace.version],
  );

  const update = (key: number, patch: Partial<Item>) => setItems((all) => all.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  async function addFiles(files: FileList | File[]) {
    const fresh: Item[] = Array.from(files).map((file) => ({ key: nextKey.current++, file, state: 'queued', progress: 0 }));
    if (!fresh.length) return;
    setItems((all) => [...fresh, ...all].slice(0, 200));
    const queue = [...fresh];
    const worker = async () => {
      for (let it = queue.shift(); it; it = queue.shift()) {
        const key = it.key;
        update(key, { state: 'sending' });
        const result = await uploadFile(it.file, (f) => update(key, { progress: f, state: f >= 1 ? 'analysing' : 'sending' })).catch(
          (e: Error): UploadResult => ({ name: it!.file.name, status: 'failed', reason: e.message }),
        );
        update(key, { state: 'done', progress: 1, result });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, fresh.length) }, worker));
    workspace.changed();
  }

  const maxBytes = session.data?.upload.maxBytes ?? 20 * 1024 * 1024;
  const accept = session.data?.upload.extensions.join(',') ?? '.txt,.md,.html,.htm,.pdf,.docx';

  return (
    <section class="screen library" aria-labelledby="library-title">
      <h1 id="library-title">{t('libraryTitle')}</h1>
      <ExportButtons target={{ corpus: true }} label={t('exportCorpus')} />
      <section
        class={`drop ${dragging ? 'dragging' : ''}`}
        aria-labelledby="upload-title"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer?.files) void addFiles(e.dataTransfer.files);
        }}
      >
        <h2 id="upload-title">{t('uploadTitle')}</h2>
        <p>{t('uploadHelp', { size: `${Math.round(maxBytes / 1024 / 1024)} MiB` })}</p>
        <label class="button file-button">
          {t('uploadChoose')}
          <input
            type="file"
            multiple
            accept={accept}
            class="visually-hidden"
            data-testid="upload-input"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              if (input.files) void addFiles(Array.from(input.files));
              input.value = '';
            }}
          />
        </label>
        {items.length > 0 && (
          <ul class="uploads" aria-label={t('uploadTitle')}>
            {items.map((it) => <UploadRow key={it.key} item={it} />)}
          </ul>
        )}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title" class="visually-hidden">{t('documentsList')}</h2>
        <div class="filters" role="search">
          <label>
            {t('filterDocuments')}
            <input type="search" value={q} placeholder={t('filterPlaceholder')} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            {t('language')}
            <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
              <option value="">{t('allLanguages')}</option>
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('sortBy')}
            <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value)}>
              <option value="added">{t('sortAdded')}</option>
              <option value="date">{t('sortDate')}</option>
              <option value="title">{t('sortTitle')}</option>
            </select>
          </label>
        </div>
        {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
        {!list.data && list.loading && <Loading />}
        {list.data && (
          <>
            <p class="muted" aria-live="polite">{t('documentsCount', { n: list.data.total })}</p>
            {list.data.documents.length === 0 ? (
              <p>{t('noDocuments')}</p>
            ) : (
              <div class="table-wrap">
                <table class="documents">
                  <thead>
                    <tr>
                      <th scope="col">{t('colTitle')}</th>
                      <th scope="col">{t('colFile')}</th>
                      <th scope="col">{t('colDate')}</th>
                      <th scope="col">{t('colLanguage')}</th>
                      <th scope="col" class="num">{t('colClaims')}</th>
                      <th scope="col" class="num">{t('colSpeakers')}</th>
                      <th scope="col">{t('colAdded')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.documents.map((d) => (
                      <tr key={d.id}>
                        <td><a href={href('doc', d.id)}>{docTitle(d, t('untitled'))}</a></td>
                        <td class="muted">{d.name}</td>
                        <td>{d.date}</td>
                        <td>{d.language}</td>
                        <td class="num">{d.claims}</td>
                        <td class="num">{d.speakers}</td>
                        <td class="muted">{d.addedAt.slice(0, 10)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.data.total > list.data.documents.length && (
              <button type="button" onClick={() => setLimit((n) => Math.min(500, n + 100))}>{t('more')}</button>
            )}
          </>
        )}
      </section>
    </section>
  );
}

function UploadRow({ item }: { item: Item }) {
  const { t } = useI18n();
  const r = item.result;
  const status = r ? (r.status === 'added' ? t('uploadAdded') : r.status === 'unchanged' ? t('uploadUnchanged') : t('uploadFailed'))
    : item.state === 'queued' ? t('uploadQueued') : item.state === 'analysing' ? t('uploadAnalysing') : t('uploadSending');
  return (
    <li class={`upload upload-${r?.status ?? item.state}`} data-file={item.file.name}>
      <span class="upload-name">{item.file.name}</span>
      <progress max={1} value={item.progress} aria-label={item.file.name} />
      <span class="upload-status">{status}</span>
      {r?.document && r.status !== 'failed' && <a href={href('doc', r.document.id)}>{r.document.title ?? r.document.id}</a>}
      {r?.status === 'failed' && <span class="upload-reason" role="alert">{r.reason}</span>}
    </li>
  );
}
