/** The workbench's entry: takes a token handed over in the URL fragment, then renders the app. */
import { render } from 'preact';
import { setToken } from './api.ts';
import { App } from './components/App.tsx';
import './styles.css';

// `mikata serve --token …` prints http://host:port/#token=…: the fragment never reaches the server or its
// logs. Keep the token for this tab and drop it from the address bar.
const handed = /^#token=([^&]+)/.exec(location.hash);
if (handed) {
  setToken(decodeURIComponent(handed[1]!));
  history.replaceState(null, '', `${location.pathname}#/`);
}

render(<App />, document.getElementById('app')!);
