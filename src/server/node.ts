/**
 * Listening: the hono app on a Node HTTP server. `startServer` resolves once the socket is bound, with the
 * URL to print and a `close` that stops accepting and ends open keep-alive connections.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Loopback addresses, on which the workbench may run without a token. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * @example
 * const server = await startServer(createApp({ corpus }), { host: '127.0.0.1', port: 0 });
 * console.log(server.url); // http://127.0.0.1:41873/
 */
export async function startServer(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host }) as Server;
  // Slow clients must not hold sockets for ever; uploads of 20 MiB on a slow link still fit.
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
  // An idle kept-alive socket is closed after this. Node's 5 s default raced a client's next request whenever this
  // thread had been busy for seconds (storing a long document): the request came in on a socket closed as the timers
  // ran, and the client got ECONNRESET instead of a late answer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(options.host)}:${port}/`,
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
