/**
 * The stores the contract suite runs on: SQLite always (a file in a temporary folder), PostgreSQL when
 * MIKATA_TEST_DATABASE_URL is set (each store in a fresh schema, dropped at the end). On CI
 * (CI=true) a missing URL is a failure, not a skip: .ci/postgres.sh provides the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty store. */
  open(options?: { rankCap?: number }): Promise<Store>;
  /** Opens the same database again (another connection), for reopen and concurrency tests. */
  reopen(store: Store): Promise<Store>;
  cleanup(): Promise<void>;
}

export const postgresUrl = process.env.MIKATA_TEST_DATABASE_URL || undefined;
export const postgresRequired = process.env.CI === 'true';

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'mikata-store-'));
  let n = 0;
  const paths = new Map<Store, string>();
  return {
    name: 'sqlite',
    async open(options = {}) {
      const path = join(dir, `corpus-${++n}.db`);
      const store = await openSqliteStore(path, { create: true, ...options });
      paths.set(store, path);
      return store;
    },
    async reopen(store) {
      const again = await openSqliteStore(paths.get(store)!, { create: false });
      paths.set(again, paths.get(store)!);
      return again;
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(url: string): Backend {
  const schemas: string[] = [];
  const bySchema = new Map<Store, string>();
  let n = 0;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    async open(options = {}) {
      const schema = `mikata_test_${process.pid}_${Date.now().toString(36)}_${++n}`;
      await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
      schemas.push(schema);
      const store = await openPostgresStore(url, { create: true, schema, ...options });
      bySchema.set(store, schema);
      return store;
    },
    async reopen(store) {
      const schema = bySchema.get(store)!;
      const again = await openPostgresStore(url, { create: false, schema });
      bySchema.set(again, schema);
      return again;
    },
    async cleanup() {
      await admin(async (c) => {
        for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      });
    },
  };
}

/** Runs SQL on a PostgreSQL test schema directly (to play a newer or foreign database). */
export async function onSchema(url: string, schema: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function backends(): Backend[] {
  const list = [sqliteBackend()];
  if (postgresUrl) list.push(postgresBackend(postgresUrl));
  return list;
}
