/**
 * Routing in the URL fragment (`#/expert/Mikhail%20Sokolin?theme=…`): the server serves one page, and a link
 * to any screen can be bookmarked or shared.
 */
import { useEffect, useState } from 'preact/hooks';
import { takeHandedToken } from './api.ts';

export interface Route {
  /** Decoded path segments: `#/expert/e3` → ['expert', 'e3']. */
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, query: new URLSearchParams(query) };
}

/** A fragment link: `href('expert', name)` with the segments encoded. */
export function href(...parts: (string | number)[]): string {
  return `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
}

export function withQuery(link: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.size ? `${link}?${q}` : link;
}

export function navigate(link: string): void {
  location.hash = link.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => {
      // A token link pasted into this tab: taken, and replaced by the library (api.ts).
      takeHandedToken();
      setRoute(parseHash(location.hash));
    };
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
