/** The workbench's entry: takes a token handed over in the URL fragment, then renders the app. */
import { render } from 'preact';
import { takeHandedToken } from './api.ts';
import { App } from './components/App.tsx';
import './styles.css';

takeHandedToken();

render(<App />, document.getElementById('app')!);
