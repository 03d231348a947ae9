/** Walking the paths given to `mikata ingest`. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles } from '../../src/store/ingest-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'mikata-walk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('walks folders in name order, keeps document types, skips hidden entries, and lists each file once', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    for (const f of ['b/deep/z.txt', 'b/a.md', 'c.html', 'a.pdf', 'notes.docx', 'photo.jpg', 'data.csv', '.hidden.txt', '.git/HEAD.txt']) writeFileSync(join(root, f), 'x');
    symlinkSync(root, join(root, 'b', 'loop'));
    symlinkSync(join(root, 'c.html'), join(root, 'link-to-c.html'));
    const got = await collectFiles([root, join(root, 'a.pdf'), join(dir, 'missing')]);
    assert.deepEqual(got.files.map((f) => f.slice(root.length + 1)), ['a.pdf', 'b/a.md', 'b/deep/z.txt', 'c.html', 'notes.docx']);
    assert.equal(got.skipped, 2);
    assert.deepEqual(got.problems, [{ path: join(dir, 'missing'), reason: 'no such file or folder' }]);
  });

  it('reads a file named on the command line whatever its extension, and leaves out the excluded', async () => {
    const file = join(dir, 'odd.name');
    const db = join(dir, 'corpus.txt');
    writeFileSync(file, 'x');
    writeFileSync(db, 'x');
    const got = await collectFiles([file, db], { exclude: [db] });
    assert.deepEqual(got.files, [file]);
  });
});
