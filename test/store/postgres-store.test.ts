/**
 * Opening a PostgreSQL corpus: refusals (another application's tables, a newer schema, no server) and the
 * placeholder numbering the shared SQL relies on. Needs MIKATA_TEST_DATABASE_URL (see .ci/postgres.sh);
 * on CI its absence is a failure.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { numberPlaceholders, openPostgresStore, redactUrl } from '../../src/store/postgres/postgres-store.ts';
import { StoreError } from '../../src/store/store.ts';
import { postgresRequired, postgresUrl } from './_backends.ts';

describe('PostgreSQL statements', () => {
  const cases: [string, string][] = [
    ['SELECT ? AS a, ? AS b', 'SELECT $1 AS a, $2 AS b'],
    ["SELECT '?' AS q, ? AS a", "SELECT '?' AS q, $1 AS a"],
    ['SELECT "odd?name" FROM t WHERE x = ?', 'SELECT "odd?name" FROM t WHERE x = $1'],
    ["WHERE a LIKE ? ESCAPE '\\' AND b = ?", "WHERE a LIKE $1 ESCAPE '\\' AND b = $2"],
  ];
  for (const [input, output] of cases) it(`numbers ${input}`, () => assert.equal(numberPlaceholders(input), output));

  it('hides the password of a URL in messages', () => {
    assert.equal(redactUrl('postgres://me:secret@db.example:5432/corpus'), 'postgres://me:***@db.example:5432/corpus');
    assert.equal(redactUrl('postgres://db.example/corpus'), 'postgres://db.example/corpus');
  });
});

describe('opening a PostgreSQL corpus', () => {
  it('says clearly when the server cannot be reached', async () => {
    await assert.rejects(openPostgresStore('postgres://nobody:pw@127.0.0.1:1/none', { create: true }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, 'E_CONNECT');
      assert.match(e.message, /cannot connect to PostgreSQL/);
      assert.ok(!e.message.includes('pw@'), 'no password in the message');
      return true;
    });
  });

  it('refuses a bad schema name', async () => {
    await assert.rejects(openPostgresStore('postgres://x@127.0.0.1:1/none', { schema: 'a; DROP TABLE x' }), /invalid schema name/);
  });
});

if (!postgresUrl && postgresRequired) {
  it('PostgreSQL store tests: MIKATA_TEST_DATABASE_URL must be set on CI (run .ci/postgres.sh)', () => {
    assert.fail('MIKATA_TEST_DATABASE_URL is not set');
  });
}

if (postgresUrl) {
  const url = postgresUrl;
  describe('PostgreSQL corpus checks', () => {
    const schemas: string[] = [];
    const sql = async (schema: string | null, text: string) => {
      const c = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
      await c.connect();
      try {
        return await c.query(text);
      } finally {
        await c.end();
      }
    };
    const newSchema = async () => {
      const s = `mikata_pgtest_${process.pid}_${schemas.length}_${Date.now().toString(36)}`;
      await sql(null, `CREATE SCHEMA ${s}`);
      schemas.push(s);
      return s;
    };
    after(async () => {
      for (const s of schemas) await sql(null, `DROP SCHEMA IF EXISTS ${s} CASCADE`);
    });

    it('refuses to create nothing when not asked to', async () => {
      const schema = await newSchema();
      await assert.rejects(openPostgresStore(url, { schema, create: false }), (e: unknown) => e instanceof StoreError && e.code === 'E_NO_STORE');
      const tables = await sql(schema, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = '${schema}'`);
      assert.equal(tables.rows[0].n, 0);
    });

    it('refuses another application\'s tables and leaves them alone', async () => {
      const schema = await newSchema();
      await sql(schema, "CREATE TABLE documents (id int, body text); INSERT INTO documents VALUES (1, 'theirs')");
      await assert.rejects(openPostgresStore(url, { schema, create: true }), (e: unknown) => e instanceof StoreError && e.code === 'E_NOT_A_STORE' && /another application/.test(e.message));
      const rows = await sql(schema, 'SELECT * FROM documents');
      assert.deepEqual(rows.rows, [{ id: 1, body: 'theirs' }]);
      const meta = await sql(schema, "SELECT to_regclass('mikata_meta') AS t");
      assert.equal(meta.rows[0].t, null);
    });

    it('refuses a corpus written by a newer mikata', async () => {
      const schema = await newSchema();
      await (await openPostgresStore(url, { schema, create: true })).close();
      await sql(schema, "UPDATE mikata_meta SET value = '99' WHERE key = 'schema'");
      await assert.rejects(openPostgresStore(url, { schema }), (e: unknown) => e instanceof StoreError && e.code === 'E_NEWER_STORE' && /store schema 99/.test(e.message));
      const meta = await sql(schema, "SELECT value FROM mikata_meta WHERE key = 'schema'");
      assert.equal(meta.rows[0].value, '99');
    });

    it('two stores creating one corpus at once make one schema', async () => {
      const schema = await newSchema();
      const [a, b] = await Promise.all([openPostgresStore(url, { schema, create: true }), openPostgresStore(url, { schema, create: true })]);
      assert.equal(await a.countDocuments(), 0);
      assert.equal(await b.countDocuments(), 0);
      await a.close();
      await b.close();
    });
  });
}
