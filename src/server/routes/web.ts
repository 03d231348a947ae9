/** The UI: one HTML page (routes live in the URL fragment) and the bundled files under /assets. */
import type { Hono } from 'hono';
import { loadWebAssets, type WebAssets } from '../web-assets.ts';

export function webRoutes(app: Hono, options: { assets?: () => Promise<WebAssets> } = {}): void {
  const assets = options.assets ?? (() => loadWebAssets());

  app.get('/', async (c) => {
    const { page } = await assets();
    return c.html(page, 200, { 'cache-control': 'no-cache' });
  });

  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const asset = (await assets()).get(name);
    if (!asset) return c.text('not found', 404);
    // Bundle names carry a content hash, so a browser may keep them for good.
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' });
  });
}
