/**
 * The workbench's browser code, bundled in memory with esbuild the first time a page asks for it, so there
 * is no build step to remember: `mikata serve` works from a fresh checkout, and so do the tests.
 *
 * Files are served from a map keyed by their bundle name; nothing a request says ever becomes a path.
 * Chunks are split so that the graph library loads only with the network view.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const WEB_DIR = join(here, '..', 'web');

export interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
}

export interface WebAssets {
  /** The asset at `/assets/<name>`, if there is one. */
  get(name: string): Asset | undefined;
  /** The one HTML page, whatever the route (the UI routes in the fragment). */
  readonly page: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function typeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return TYPES[name.slice(dot)] ?? 'application/octet-stream';
}

/** The HTML shell: no inline script or style, only files from /assets (CSP `script-src 'self'`). */
function renderPage(entry: string, styles: readonly string[]): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>mikata</title>
<link rel="icon" href="data:,">
${styles.map((s) => `<link rel="stylesheet" href="/assets/${s}">`).join('\n')}
<script type="module" src="/assets/${entry}"></script>
</head>
<body>
<div id="app"><noscript>mikata needs JavaScript. / mikata の利用には JavaScript が必要です。</noscript></div>
</body>
</html>
`;
}

async function build(options: { minify: boolean }): Promise<WebAssets> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { app: join(WEB_DIR, 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    outdir: '/assets',
    write: false,
    minify: options.minify,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.css': 'css' },
    logLevel: 'silent',
    // The project's tsconfig has no JSX settings of its own; the ones above are the bundle's.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact' } },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = new Map<string, Asset>();
  let entry = '';
  const styles: string[] = [];
  for (const f of result.outputFiles) {
    const name = relative('/assets', f.path).split('\\').join('/');
    files.set(name, { body: f.contents, type: typeOf(name) });
    if (/^app-[^/]+\.js$/.test(name)) entry = name;
    if (name.endsWith('.css')) styles.push(name);
  }
  if (!entry) throw new Error('the web bundle has no entry file');
  return { get: (name) => files.get(name), page: renderPage(entry, styles) };
}

let cached: Promise<WebAssets> | null = null;

/**
 * The bundle, built once per process and shared (tests start many apps).
 *
 * @example
 * const assets = await loadWebAssets();
 * assets.get('app-3F2A9C.js')?.type; // 'text/javascript; charset=utf-8'
 */
export function loadWebAssets(options: { minify?: boolean } = {}): Promise<WebAssets> {
  cached ??= build({ minify: options.minify ?? true }).catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}
