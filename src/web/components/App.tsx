/**
 * The workbench shell: header with the screens, the analyst's name, the language switch and undo; the screen
 * the URL fragment names; the token prompt when the server asks for one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, onToken, onUnauthorized, setToken } from '../api.ts';
import { I18n, initialLanguage, translator, useI18n, type Language, type MessageKey } from '../i18n.ts';
import { useNotice } from '../hooks.ts';
import { href, useRoute } from '../router.ts';
import { WorkspaceContext, type UndoEntry, type Workspace } from '../workspace.ts';
import { AchListScreen, AchScreen } from './AchScreen.tsx';
import { CodeAgreementScreen } from './CodeAgreementScreen.tsx';
import { ExpertScreen } from './ExpertScreen.tsx';
import { NotFound } from './Widgets.tsx';
import { ExpertsScreen } from './ExpertsScreen.tsx';
import { IdentitiesScreen } from './IdentitiesScreen.tsx';
import { LibraryScreen } from './LibraryScreen.tsx';
import { MatrixScreen } from './MatrixScreen.tsx';
import { NetworkScreen } from './NetworkScreen.tsx';
import { ReaderScreen } from './ReaderScreen.tsx';
import { SearchScreen } from './SearchScreen.tsx';
import { TimelineScreen } from './TimelineScreen.tsx';

const NAV: { path: string; label: MessageKey }[] = [
  { path: '', label: 'navLibrary' },
  { path: 'experts', label: 'navExperts' },
  { path: 'matrix', label: 'navMatrix' },
  { path: 'timeline', label: 'navTimeline' },
  { path: 'network', label: 'navNetwork' },
  { path: 'search', label: 'navSearch' },
  { path: 'identities', label: 'navIdentities' },
  { path: 'ach', label: 'navAch' },
];

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const t = useMemo(() => translator(language), [language]);
  const setLanguage = useCallback((l: Language) => {
    localStorage.setItem('mikata.language', l);
    setLanguageState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('appTitle');
  }, [language, t]);

  const [user, setUserState] = useState(() => localStorage.getItem('mikata.user') ?? '');
  const [needToken, setNeedToken] = useState(false);
  const [version, setVersion] = useState(0);
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [notice, notify] = useNotice();

  useEffect(() => onUnauthorized(() => setNeedToken(true)), []);
  // A token given in any way (the prompt, or a #token= link pasted into this tab) closes the prompt and
  // loads the screen again with it.
  useEffect(() => onToken(() => { setNeedToken(false); setVersion((v) => v + 1); }), []);
  useEffect(() => {
    // The server's default analyst name, unless this browser has one.
    if (!localStorage.getItem('mikata.user')) getJson<{ user: string }>('/api/session').then((s) => setUserState(s.user), () => {});
  }, [needToken]);

  const workspace: Workspace = useMemo(() => ({
    user: user || 'analyst',
    setUser: (name: string) => {
      localStorage.setItem('mikata.user', name);
      setUserState(name);
    },
    version,
    changed: () => setVersion((v) => v + 1),
    pushUndo: (entry: UndoEntry) => setUndo((list) => [...list.slice(-49), entry]),
    undoLast: async () => {
      const entry = undo.at(-1);
      if (!entry) { notify(t('nothingToUndo')); return; }
      try {
        await entry.undo();
        setUndo((list) => list.slice(0, -1));
        setVersion((v) => v + 1);
        notify(`${t('undone')}: ${entry.label}`);
      } catch (e) {
        notify((e as Error).message);
      }
    },
    canUndo: undo.length > 0,
    notify,
  }), [user, version, undo, notify, t]);

  // Ctrl/Cmd+Z outside form fields undoes the last change made in this tab.
  const undoRef = useRef(workspace.undoLast);
  undoRef.current = workspace.undoLast;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !isEditable(e.target)) {
        e.preventDefault();
        void undoRef.current();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const route = useRoute();
  const [screen = '', arg] = route.parts;

  return (
    <I18n.Provider value={{ language, t, setLanguage }}>
      <WorkspaceContext.Provider value={workspace}>
        <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skipToContent')}</a>
        <header class="top">
          <a class="brand" href="#/">見方 <span>mikata</span></a>
          <nav aria-label="mikata">
            <ul>
              {NAV.map((n) => (
                <li key={n.path}>
                  <a href={n.path ? href(n.path) : '#/'} aria-current={screen === n.path || (n.path === 'experts' && screen === 'expert') || (n.path === '' && screen === 'doc') ? 'page' : undefined}>{t(n.label)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="tools">
            <label class="analyst">
              <span>{t('analyst')}</span>
              <input value={user} size={10} onChange={(e) => workspace.setUser((e.target as HTMLInputElement).value.trim())} />
            </label>
            <button type="button" class="small" disabled={!workspace.canUndo} onClick={() => void workspace.undoLast()} title="Ctrl+Z">
              ↶ {t('undo')}
            </button>
            <div class="lang" role="group" aria-label={t('language')}>
              <button type="button" class="small" aria-pressed={language === 'ja'} onClick={() => setLanguage('ja')} lang="ja">日本語</button>
              <button type="button" class="small" aria-pressed={language === 'en'} onClick={() => setLanguage('en')} lang="en">English</button>
            </div>
          </div>
        </header>
        <div class="notice" role="status" aria-live="polite">{notice}</div>
        {needToken && <TokenPrompt onDone={() => { setNeedToken(false); setVersion((v) => v + 1); }} />}
        <main id="main" tabIndex={-1}>
          {screen === '' && <LibraryScreen />}
          {screen === 'doc' && arg && <ReaderScreen id={arg} at={numberOrNull(route.query.get('at'))} claim={route.query.get('claim')} />}
          {screen === 'experts' && <ExpertsScreen />}
          {screen === 'expert' && arg && <ExpertScreen query={arg} theme={route.query.get('theme')} />}
          {screen === 'matrix' && <MatrixScreen />}
          {screen === 'code' && arg && <CodeAgreementScreen code={arg} threshold={route.query.get('threshold')} />}
          {screen === 'timeline' && <TimelineScreen />}
          {screen === 'network' && <NetworkScreen />}
          {screen === 'search' && <SearchScreen query={route.query} />}
          {screen === 'identities' && <IdentitiesScreen />}
          {screen === 'ach' && !arg && <AchListScreen />}
          {screen === 'ach' && arg && <AchScreen id={arg} />}
          {!isKnownRoute(screen, arg) && <NotFound message={t('notFoundPage', { path: location.hash.replace(/^#/, '') || '/' })} />}
        </main>
      </WorkspaceContext.Provider>
    </I18n.Provider>
  );
}

const SCREENS_WITH_ARG = new Set(['doc', 'expert', 'code']);
const SCREENS = new Set(['', 'experts', 'matrix', 'timeline', 'network', 'search', 'identities', 'ach']);

/** Every route renders something: what is not one of these gets the not-found page. */
function isKnownRoute(screen: string, arg: string | undefined): boolean {
  if (screen === 'ach') return true;
  return SCREENS_WITH_ARG.has(screen) ? Boolean(arg) : SCREENS.has(screen);
}

function numberOrNull(s: string | null): number | null {
  if (s === null || s === '') return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function TokenPrompt({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  return (
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setToken(value.trim());
          onDone();
        }}
      >
        <h2 id="token-title">{t('tokenTitle')}</h2>
        <p>{t('tokenHelp')}</p>
        <label>
          {t('tokenField')} <input type="password" value={value} autoFocus onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('tokenSubmit')}</button>
      </form>
    </div>
  );
}
