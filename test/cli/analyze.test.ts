/**
 * `mikata analyze`: help, the three output formats, standard input, legacy encodings, and bad input (one line
 * on stderr naming the file and the problem, exit code 2, never a stack trace). Most cases call `runCli` with a
 * captured CommandIO; the ones about the real process (standard input, the exit code and stderr of `node`,
 * memory on a 50 MB input) spawn it. Generated files go to os.tmpdir().
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram, runCli } from '../../src/cli/main.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { analysisSchema, SCHEMA_VERSION, type Analysis } from '../../src/core/model/schema.ts';
import { exportFormats } from '../../src/export/index.ts';
import { encodeJapanese } from '../ingest/_japanese-bytes.ts';
import { checkAnalysis } from '../property/_check-analysis.ts';
import { ROOT } from '../golden/_golden.ts';
import { analyze, PART_SIZE } from '../../src/core/analyze.ts';

const SAMPLE = join(ROOT, 'examples', 'sample-commentary.txt');
const CRLF_FIXTURE = join(ROOT, 'test', 'fixtures', 'ja-crlf-fullwidth', 'input.txt');
const JA_FIXTURE = join(ROOT, 'test', 'fixtures', 'ja-commentary', 'input.txt');

interface Run { code: number; stdout: string; stderr: string }

/** Runs the CLI in this process with a captured IO. */
async function cli(argv: string[], isTTY = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY, env: {}, cwd: ROOT };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Runs `node --import tsx src/cli/main.ts …` as a process. Resolves with what it wrote and how it ended. */
function spawnCli(argv: string[], options: { input?: string | Uint8Array; nodeOptions?: string[]; timeoutMs?: number; keepStdout?: boolean } = {}): Promise<Run & { signal: NodeJS.Signals | null; stdoutBytes: number; ms: number; head: string; tail: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...argv], {
    cwd: ROOT,
    env: { ...process.env, MIKATA_DEBUG: '', NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stdoutBytes = 0;
  let head = '';
  let tail = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdoutBytes += Buffer.byteLength(chunk);
    if (options.keepStdout !== false) stdout += chunk;
    if (head.length < 200) head += chunk.slice(0, 200);
    tail = (tail + chunk).slice(-200);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => { stderr += chunk; });
  child.stdin.on('error', () => {}); // the child may exit before reading all of it
  child.stdin.end(options.input ?? '');
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr, stdoutBytes, ms: Date.now() - started, head, tail });
    });
  });
}

let dir = '';
const at = (name: string) => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mikata-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

// ------------------------------------------------------------------------------------------ help

test('--help lists every command, and each command\'s --help lists every one of its options', async () => {
  const top = await cli(['--help']);
  assert.equal(top.code, 0);
  const io = { stdout() {}, stderr() {}, isTTY: false, env: {}, cwd: ROOT };
  const program = await createProgram(io);
  assert.ok(program.commands.length >= 1);
  // A command named on the command line is the only one loaded; help and a typo get them all.
  assert.deepEqual((await createProgram(io, ['analyze', 'x.txt'])).commands.map((c) => c.name()), ['analyze']);
  assert.equal((await createProgram(io, ['analyse'])).commands.length, program.commands.length);
  for (const command of program.commands) {
    assert.match(top.stdout, new RegExp(`^\\s+${command.name()}\\b`, 'm'), `mikata --help lists ${command.name()}`);
    const own = await cli([command.name(), '--help']);
    assert.equal(own.code, 0, `${command.name()} --help exits with 0`);
    for (const option of command.options) {
      assert.ok(own.stdout.includes(option.flags), `${command.name()} --help lists ${option.flags}`);
      assert.ok(option.description.length > 0, `${command.name()} ${option.flags} is described`);
    }
  }
});

test('analyze --help documents its argument, every option and every output format', async () => {
  const { code, stdout: help } = await cli(['analyze', '--help']);
  assert.equal(code, 0);
  // Commander wraps long descriptions; compare with the line breaks folded.
  const stdout = help.replace(/\s+/g, ' ');
  for (const needle of ['<file>', '- reads standard input', '-f, --format <format>', '-e, --encoding <name>', '--input-format <format>', '--language <lang>', '-h, --help']) {
    assert.ok(stdout.includes(needle), `help mentions ${needle}`);
  }
  for (const format of exportFormats) assert.match(stdout, new RegExp(`"${format}"`), `help lists the format ${format}`);
});

test('usage errors exit with 2 and say what is wrong: no file, an unknown format', async () => {
  const none = await cli(['analyze']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /missing required argument 'file'/);
  const format = await cli(['analyze', SAMPLE, '--format', 'pdf']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /argument 'pdf' is invalid/);
  assert.equal(format.stdout, '');
});

// ------------------------------------------------------------------------------------------ formats

test('--format json: one JSON object that validates against the versioned schema; every span holds', async () => {
  const { code, stdout, stderr } = await cli(['analyze', SAMPLE, '--format', 'json']);
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  const json = JSON.parse(stdout) as Analysis;
  assert.equal(json.schemaVersion, SCHEMA_VERSION);
  analysisSchema.parse(json);
  checkAnalysis(json, await readFile(SAMPLE, 'utf8'));
  assert.equal(json.document.series, '安全保障コメンタリー');
  assert.equal(json.footnotes.length, 14);
});

test('piped output (no terminal) defaults to JSON', async () => {
  const { stdout } = await cli(['analyze', SAMPLE]);
  assert.equal(JSON.parse(stdout).schemaVersion, SCHEMA_VERSION);
});

/** The parts every report shows, from the analysis itself. */
async function reportParts(): Promise<{ a: Analysis; text: string }> {
  const { stdout } = await cli(['analyze', SAMPLE, '--format', 'json']);
  return { a: JSON.parse(stdout) as Analysis, text: await readFile(SAMPLE, 'utf8') };
}

test('--format md: title, metadata, outline, footnote table, dates and glossary as Markdown', async () => {
  const { a } = await reportParts();
  const { code, stdout } = await cli(['analyze', SAMPLE, '--format', 'md']);
  assert.equal(code, 0);
  assert.match(stdout, /^# 極東ロシアの軍事態勢 —— 現地研究者の評価$/m);
  assert.match(stdout, /^- series: 安全保障コメンタリー$/m);
  assert.match(stdout, /^- date: 2025-04-15$/m);
  assert.match(stdout, /^## Outline$/m);
  for (const s of a.sections) assert.match(stdout, new RegExp(`^${'  '.repeat(s.level - 1)}- ${escape(s.heading)} \\(line \\d+\\)$`, 'm'), `outline has ${s.heading}`);
  assert.match(stdout, /^## Footnote markers \(14\)$/m);
  assert.match(stdout, /^\| n \| line \| closes the sentence \| note \|$/m);
  assert.match(stdout, /^\| 1 \| 5 \| 2024年秋以降、極東ロシアでは大規模な演習が相次いで実施されている1。 \| 防衛省『防衛白書』2024年版を参照。 \|$/m);
  assert.match(stdout, new RegExp(`^## Dates \\(${a.dates.length}\\)$`, 'm'));
  assert.match(stdout, /^\| 2025-01 \| 2025年1月 \|  \| 12 \|$/m);
  assert.match(stdout, new RegExp(`^## Glossary \\(${a.glossary.length}\\)$`, 'm'));
  for (const g of a.glossary) assert.ok(stdout.includes(`| ${g.term} | ${g.gloss} |`), `glossary row ${g.term}`);
});

test('the default report on a terminal: outline, footnote table, dates and glossary, with emphasis', async () => {
  const { a } = await reportParts();
  const { code, stdout } = await cli(['analyze', SAMPLE], true);
  assert.equal(code, 0);
  assert.ok(stdout.includes('\x1b[1m'), 'headings are bold on a terminal');
  const plain = stripAnsi(stdout);
  assert.throws(() => JSON.parse(plain));
  assert.match(plain, /^極東ロシアの軍事態勢 —— 現地研究者の評価$/m);
  assert.match(plain, /^Outline$/m);
  for (const s of a.sections) assert.match(plain, new RegExp(`^  ${'  '.repeat(s.level - 1)}${escape(s.heading)}  \\[line \\d+\\]$`, 'm'));
  assert.match(plain, /^Footnote markers \(14\)$/m);
  assert.match(plain, /^ {4}1 {2}line 5 {4}2024年秋以降、極東ロシアでは大規模な演習が相次いで実施されている1。$/m);
  assert.match(plain, /^ {8}note: 防衛省『防衛白書』2024年版を参照。$/m);
  assert.match(plain, /^Dates \(\d+\)$/m);
  assert.match(plain, /^ {2}2025-04-15 {2}2025年4月15日/m);
  assert.match(plain, /^Glossary \(\d+\)$/m);
  for (const g of a.glossary) assert.ok(plain.includes(`  ${g.term} = ${g.gloss}`));
  // --format text is the same report; off a terminal it has no ANSI codes.
  const piped = await cli(['analyze', SAMPLE, '--format', 'text']);
  assert.equal(piped.stdout, plain);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ------------------------------------------------------------------------------------------ standard input and encodings

test('- reads standard input (a spawned process): the same analysis as the file', async () => {
  const text = await readFile(SAMPLE, 'utf8');
  const [piped, file] = await Promise.all([
    spawnCli(['analyze', '-', '--format', 'json'], { input: text }),
    cli(['analyze', SAMPLE, '--format', 'json']),
  ]);
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stderr, '');
  const json = JSON.parse(piped.stdout) as Analysis;
  analysisSchema.parse(json);
  assert.deepEqual(json, JSON.parse(file.stdout));
});

test('Shift_JIS, EUC-JP, UTF-8 with a BOM and UTF-16LE with a BOM give the same analysis as UTF-8', async () => {
  for (const fixture of [CRLF_FIXTURE, JA_FIXTURE]) {
    // JIS X 0208 has ― (U+2015) but no — (U+2014); the text is otherwise the fixture's.
    const text = (await readFile(fixture, 'utf8')).replace(/—/g, '―');
    const variants: [string, Uint8Array][] = [
      ['utf-8', new TextEncoder().encode(text)],
      ['shift_jis', encodeJapanese(text, 'shift_jis')],
      ['euc-jp', encodeJapanese(text, 'euc-jp')],
      ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
      ['utf-16le with BOM', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))],
    ];
    let reference: unknown;
    for (const [encoding, bytes] of variants) {
      const path = at(`${encoding.replace(/\W+/g, '-')}.txt`);
      await writeFile(path, bytes);
      const { code, stdout, stderr } = await cli(['analyze', path, '--format', 'json']);
      assert.equal(code, 0, `${encoding}: ${stderr}`);
      const json = JSON.parse(stdout) as Analysis;
      checkAnalysis(json, text);
      assert.ok(json.footnotes.length > 0 && json.sections.length > 0, `${encoding}: a real analysis`);
      if (reference === undefined) reference = json;
      else assert.deepEqual(json, reference, `${fixture}: ${encoding} gives the analysis UTF-8 gives`);
    }
  }
});

test('--encoding overrides detection, and a wrong one is a one-line error', async () => {
  const path = at('sjis-forced.txt');
  await writeFile(path, encodeJapanese('題名\nはじめに\n同国は演習を拡大した1。規模は過去最大である2。\n', 'shift_jis'));
  const ok = await cli(['analyze', path, '--format', 'json', '--encoding', 'cp932']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual((JSON.parse(ok.stdout) as Analysis).footnotes.map((f) => f.n), [1, 2]);
  const wrong = await cli(['analyze', path, '--format', 'json', '--encoding', 'utf-8']);
  assert.equal(wrong.code, 2);
  assertOneLine(wrong, path, /not valid UTF-8/);
});

// ------------------------------------------------------------------------------------------ bad input

function assertOneLine(run: Run, path: string, problem: RegExp): void {
  assert.equal(run.stdout, '', 'nothing on stdout');
  assert.match(run.stderr, /^[^\n]+\n$/, `exactly one line on stderr: ${JSON.stringify(run.stderr)}`);
  assert.ok(run.stderr.includes(path), `the line names the file: ${run.stderr}`);
  assert.match(run.stderr, problem);
  assert.doesNotMatch(run.stderr, /\bat .+:\d+:\d+|Error:|node:internal/, 'no stack trace');
}

/** [what, make the input and return its path, the problem the line must state] */
const badInputs: [string, () => Promise<string>, RegExp][] = [
  ['a missing path', async () => at('no/such/commentary.txt'), /no such file/],
  ['a directory', async () => { await mkdir(at('a-directory'), { recursive: true }); return at('a-directory'); }, /is a directory/],
  ['an empty file', async () => { await writeFile(at('empty.txt'), ''); return at('empty.txt'); }, /empty/],
  ['a file of white space only', async () => { await writeFile(at('blank.txt'), ' \r\n\t\u3000\n'); return at('blank.txt'); }, /white space/],
  ['a binary file with NUL bytes', async () => {
    await writeFile(at('data.txt'), Buffer.concat([Buffer.from('同盟の将来'), Buffer.from([0, 0, 1, 2, 0, 3]), Buffer.from('end')]));
    return at('data.txt');
  }, /binary.*NUL/],
  ['a PNG image', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0', 'latin1'), Buffer.alloc(64, 0x5a)]);
    await writeFile(at('figure.png'), png);
    await writeFile(at('figure-named.txt'), png);
    return at('figure.png');
  }, /binary.*PNG/],
  ['a PNG named .txt', async () => at('figure-named.txt'), /binary.*PNG/],
  ['bytes valid in no supported encoding', async () => {
    // 0xFD–0xFF start nothing in UTF-8, Shift_JIS or EUC-JP, and there is no BOM.
    await writeFile(at('garbled.txt'), Buffer.concat([Buffer.from('abc '), Buffer.from([0xfd, 0xfe, 0xff, 0x80, 0xa0]), Buffer.from(' def\n')]));
    return at('garbled.txt');
  }, /not valid UTF-8.*Shift_JIS.*EUC-JP/],
];

for (const [what, make, problem] of badInputs) {
  test(`bad input: ${what} gives one line naming the file and the problem, exit code 2`, async () => {
    const path = await make();
    const run = await cli(['analyze', path, '--format', 'json']);
    assert.equal(run.code, 2, run.stderr);
    assertOneLine(run, path, problem);
  });
}

test('bad input, as real processes: the same one line on stderr and exit code 2, no stack trace', async () => {
  const paths = await Promise.all(badInputs.map(([, make]) => make()));
  const runs = await Promise.all(paths.map((path) => spawnCli(['analyze', path])));
  runs.forEach((run, i) => {
    const [what, , problem] = badInputs[i]!;
    assert.equal(run.code, 2, `${what}: ${run.stderr}`);
    assertOneLine(run, paths[i]!, problem);
  });
});

// ------------------------------------------------------------------------------------------ a 50 MB text

/** About `bytes` of commentary-like Japanese, made from varied sentences (names, numbers, markers, dates). */
function largeCommentary(bytes: number): string {
  const names = ['イワン・ペトロフ', 'アンナ・ヴォルコワ', 'ミハイル・ソコロフ', 'エレーナ・ベロワ', '佐藤 健一', '朴 成民'];
  const orgs = ['極東研究所', '国際問題評議会', '戦略研究センター', '海洋政策研究院'];
  const parts = ['大規模演習コメンタリー 第1号 2025年1月10日 極東の軍事態勢 —— 生成した長文\n・研究部 主任研究員\n・高橋 誠\n'];
  let size = Buffer.byteLength(parts[0]!);
  let marker = 1;
  for (let i = 0; size < bytes; i++) {
    const name = names[i % names.length]!;
    const org = orgs[i % orgs.length]!;
    const year = 2000 + (i % 25);
    const chunk = (i % 40 === 0 ? `第${(i / 40) % 9 + 1}節 論点の整理\n` : '')
      + `${year}年${(i % 12) + 1}月、${org}の${name}は、艦隊の${(i % 9) + 1}割が旧式であると指摘した${marker}。`
      + `${name.split('・').pop()!.split(' ')[0]}によれば、「演習の規模は${i % 50 + 3}年ぶりの水準である」${marker + 1}。`
      + `兵力の3分の2が移動し、第${(i % 4) + 1}段階の配備は10年後に完了する見通しである。\n`;
    marker = marker + 2 > 999 ? 1 : marker + 2;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

// With claims, Japanese text runs through the morphological analyser at a few hundred KB/s: the test takes
// 8 MB within the same 1 GB heap (memory is per sentence, so it does not grow with the text); the 50 MB
// figure is the benchmark's (`npm run bench -- japanese`).
test('a large text (8 MB) is analysed within 1 GB of heap (a spawned process with --max-old-space-size=1024)', { timeout: 200_000 }, async () => {
  const path = at('large.txt');
  const text = largeCommentary(8 * 1024 * 1024);
  await writeFile(path, text);
  assert.ok(Buffer.byteLength(text) >= 8 * 1024 * 1024);
  const run = await spawnCli(['analyze', path, '--format', 'json'], { nodeOptions: ['--max-old-space-size=1024'], timeoutMs: 180_000, keepStdout: false });
  assert.equal(run.signal, null, `killed after ${run.ms} ms (the analysis of 50 MB took too long)`);
  assert.equal(run.code, 0, `exit ${run.code} after ${run.ms} ms: ${run.stderr.slice(0, 500)}`);
  assert.equal(run.stderr, '');
  assert.ok(run.head.startsWith('{') && run.head.includes('"schemaVersion"'), 'JSON on stdout');
  assert.ok(run.tail.trimEnd().endsWith('}'), 'the JSON is complete');
  assert.ok(run.stdoutBytes > 1_000_000);
});

test('--with-text puts the decoded text in source.text, by default for PDF and Word, so every span resolves without mikata (issue 14, case 9)', async () => {
  const docs = join(ROOT, 'test', 'fixtures', 'docs');
  for (const file of ['commentary-ja.pdf', 'commentary-ja.docx']) {
    const r = await cli(['analyze', join(docs, file), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const analysis = analysisSchema.parse(JSON.parse(r.stdout));
    const text = analysis.source.text;
    assert.equal(typeof text, 'string', `${file}: the text is there by default`);
    assert.equal(text!.length, analysis.source.length);
    assert.ok(analysis.attributions.length > 5);
    for (const a of analysis.attributions) assert.equal(text!.slice(a.content.start, a.content.end), a.content.text);
    checkAnalysis(analysis, text!);

    const without = await cli(['analyze', join(docs, file), '--format', 'json', '--no-with-text']);
    assert.equal(JSON.parse(without.stdout).source.text, undefined, `${file}: --no-with-text leaves it out`);
  }
  const plain = await cli(['analyze', SAMPLE, '--format', 'json']);
  assert.equal(JSON.parse(plain.stdout).source.text, undefined, 'a text file is its own text: not repeated by default');
  const asked = await cli(['analyze', SAMPLE, '--format', 'json', '--with-text']);
  assert.equal(JSON.parse(asked.stdout).source.text, await readFile(SAMPLE, 'utf8'));
});

test('a text longer than one part of claims: the JSON written part by part holds the same analysis as one made whole', { timeout: 120_000 }, async () => {
  const text = largeCommentary(400 * 1024);
  assert.ok(text.length > 2 * PART_SIZE, 'the text spans several parts');
  const path = at('parts.txt');
  await writeFile(path, text);
  const { code, stdout, stderr } = await cli(['analyze', path, '--format', 'json', '--no-codes']);
  assert.equal(code, 0, stderr);
  const streamed = JSON.parse(stdout) as Analysis;
  const whole = analyze(text, { partSize: Infinity });
  assert.ok(whole.attributions.length > 1000);
  assert.deepEqual(streamed, JSON.parse(JSON.stringify(whole)));
  checkAnalysis(streamed, text);
});
