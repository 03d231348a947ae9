/**
 * The browser side of the HTTP API: JSON calls with the token (when the server asks for one), uploads with
 * progress (XMLHttpRequest: fetch reports no upload progress), and downloads of exports.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly candidates: readonly { id: string; label: string }[];
  /** Which refusal of its kind, when the server says (a replacement in another language: 'language'). */
  readonly reason: string | null;
  constructor(status: number, code: string, message: string, candidates: readonly { id: string; label: string }[] = [], reason: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.candidates = candidates;
    this.reason = reason;
  }
}

const TOKEN_KEY = 'mikata.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Listeners told when the token changes (the app then closes its prompt and loads again). */
const tokenListeners = new Set<() => void>();
export function onToken(fn: () => void): () => void {
  tokenListeners.add(fn);
  return () => tokenListeners.delete(fn);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  for (const fn of tokenListeners) fn();
}

/**
 * `mikata serve --token …` prints http://host:port/#token=…: the fragment never reaches the server or its
 * logs. Takes such a token from the address bar (at load, or pasted into a tab already open, whatever it
 * shows), keeps it for this tab and puts the library in its place. True when there was one.
 */
export function takeHandedToken(): boolean {
  const handed = /^#\/?token=([^&]+)/.exec(location.hash);
  if (!handed) return false;
  let token: string;
  try {
    token = decodeURIComponent(handed[1]!);
  } catch {
    token = handed[1]!;
  }
  history.replaceState(null, '', `${location.pathname}#/`);
  setToken(token);
  return true;
}

/** Listeners told when the server answers 401 (the app then asks for a token). */
const unauthorized = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorized.add(fn);
  return () => unauthorized.delete(fn);
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken();
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

/**
 * `sent`: the token the request carried. A 401 to a request sent before a token arrived (a #token= link
 * pasted while the prompt was up) says nothing about the token now held: it must not ask for one again.
 */
async function fail(res: Response, sent: string | null): Promise<never> {
  let body: { error?: { code?: string; message?: string; candidates?: { id: string; label: string }[]; reason?: string } } = {};
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  if (res.status === 401 && sent === getToken()) for (const fn of unauthorized) fn();
  throw new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? res.statusText, body.error?.candidates ?? [], body.error?.reason ?? null);
}

export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const url = q.size ? `${path}?${q}` : path;
  const sent = getToken();
  const res = await fetch(url, { headers: headers() });
  if (!res.ok) return fail(res, sent);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const sent = getToken();
  const res = await fetch(path, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
  if (!res.ok) return fail(res, sent);
  return (await res.json()) as T;
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const sent = getToken();
  const res = await fetch(path, { method: 'PUT', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
  if (!res.ok) return fail(res, sent);
  return (await res.json()) as T;
}

/** A DELETE, with a JSON body when given (who and why, for a change kept in the record). */
export async function deleteJson<T>(path: string, body?: unknown): Promise<T> {
  const sent = getToken();
  const res = await fetch(path, body === undefined
    ? { method: 'DELETE', headers: headers() }
    : { method: 'DELETE', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
  if (!res.ok) return fail(res, sent);
  return (await res.json()) as T;
}

/** What replacing a document with a new version did (Corpus.replace). */
export interface ReplaceResult {
  document: { id: string; title: string | null; date: string | null; name: string | null };
  version: { supersedes: { id: string }; carried: number; unanchored: ReplacedCorrection[] };
  reanchored: ReplacedCorrection[];
}
export interface ReplacedCorrection { id: string; action: string; quote: string; problem: string | null }

/** Uploads a new version of a document; an ApiError when it is refused (nothing changed then). */
export async function replaceDocument(id: string, file: File): Promise<ReplaceResult> {
  const sent = getToken();
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/documents/${encodeURIComponent(id)}/replace`, { method: 'POST', headers: headers(), body: form });
  if (!res.ok) return fail(res, sent);
  return (await res.json()) as ReplaceResult;
}

export interface UploadResult {
  name: string;
  status: 'added' | 'unchanged' | 'failed';
  document?: { id: string; title: string | null; date: string | null; name: string | null };
  code?: string;
  reason?: string;
}

/**
 * Uploads one file; `onProgress` gets the fraction sent (0–1). Resolves to the server's result for the file,
 * also when the server refused it (the result says why).
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    const sent = getToken();
    for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, 'E_NETWORK', 'the server could not be reached'));
    xhr.onload = () => {
      let body: { results?: UploadResult[]; error?: { code: string; message: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status === 401 && sent === getToken()) for (const fn of unauthorized) fn();
      const result = body.results?.[0];
      if (result) resolve(result);
      else resolve({ name: file.name, status: 'failed', code: body.error?.code ?? `HTTP_${xhr.status}`, reason: body.error?.message ?? xhr.statusText });
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Fetches an export with the token and hands it to the browser as a download. */
export async function download(path: string, params: Record<string, string>): Promise<void> {
  const q = new URLSearchParams(params);
  const sent = getToken();
  const res = await fetch(`${path}?${q}`, { headers: headers() });
  if (!res.ok) return fail(res, sent);
  const disposition = res.headers.get('content-disposition') ?? '';
  // The UTF-8 name (filename*, RFC 5987) when the server gives one: titles are often Japanese.
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = (utf8 ? decodeURIComponent(utf8) : /filename="([^"]+)"/.exec(disposition)?.[1]) ?? 'mikata-export';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
