/**
 * Which store a command uses: `--db PATH` (or a postgres:// URL), else MIKATA_DATABASE_URL (PostgreSQL),
 * else MIKATA_DB, else ./mikata.db in the working directory.
 */
import { resolve } from 'node:path';
import { openPostgresStore, redactUrl } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export const DEFAULT_DB = 'mikata.db';

export interface StoreLocationOptions {
  /** A SQLite path or a postgres:// URL; wins over the environment. */
  db?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };

const isPostgresUrl = (s: string) => /^postgres(?:ql)?:\/\//i.test(s);

export function storeLocation(options: StoreLocationOptions = {}): StoreLocation {
  const env = options.env ?? {};
  const cwd = options.cwd ?? process.cwd();
  const schema = env.MIKATA_DATABASE_SCHEMA || undefined;
  if (options.db) return isPostgresUrl(options.db) ? { kind: 'postgres', url: options.db, schema } : { kind: 'sqlite', path: resolve(cwd, options.db) };
  if (env.MIKATA_DATABASE_URL) {
    if (!isPostgresUrl(env.MIKATA_DATABASE_URL)) return { kind: 'sqlite', path: resolve(cwd, env.MIKATA_DATABASE_URL) };
    return { kind: 'postgres', url: env.MIKATA_DATABASE_URL, schema };
  }
  if (env.MIKATA_DB) return isPostgresUrl(env.MIKATA_DB) ? { kind: 'postgres', url: env.MIKATA_DB, schema } : { kind: 'sqlite', path: resolve(cwd, env.MIKATA_DB) };
  return { kind: 'sqlite', path: resolve(cwd, DEFAULT_DB) };
}

export function showLocation(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.path : redactUrl(location.url);
}

/** `readonly` for reading commands: nothing is created, migrated or written. */
export async function openStoreAt(location: StoreLocation, options: { create?: boolean; readonly?: boolean } = {}): Promise<Store> {
  if (location.kind === 'sqlite') return openSqliteStore(location.path, { create: options.create, readonly: options.readonly });
  return openPostgresStore(location.url, { create: options.create, schema: location.schema, readonly: options.readonly });
}

/**
 * @example
 * const store = await openStore({ db: 'corpus.db', create: true });
 */
export async function openStore(options: StoreLocationOptions & { create?: boolean; readonly?: boolean } = {}): Promise<Store> {
  return openStoreAt(storeLocation(options), { create: options.create, readonly: options.readonly });
}
