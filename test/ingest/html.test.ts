import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { htmlToSource } from '../../src/ingest/html.ts';
import { isIngestError } from '../../src/ingest/errors.ts';
import type { BlockHint, SourceText } from '../../src/core/text/source-text.ts';

/** Every hint is a valid span into the text and covers something. */
function checkHints(source: SourceText): void {
  for (const hint of source.hints?.blocks ?? []) {
    assert.ok(Number.isInteger(hint.start) && Number.isInteger(hint.end), JSON.stringify(hint));
    assert.ok(hint.start >= 0 && hint.start < hint.end && hint.end <= source.text.length, JSON.stringify(hint));
    const quote = source.text.slice(hint.start, hint.end);
    assert.equal(quote, quote.trim(), `hint ${JSON.stringify(hint)} is not trimmed`);
  }
}

function read(html: string): SourceText {
  const source = htmlToSource(html, 'page.html');
  checkHints(source);
  return source;
}

const hintsOf = (source: SourceText) =>
  (source.hints?.blocks ?? []).map((h: BlockHint) => ({ kind: h.kind, level: h.level, quote: source.text.slice(h.start, h.end) }));

test('block elements become lines separated by one line break', () => {
  const cases: [string, string][] = [
    ['<p>One.</p><p>Two.</p>', 'One.\nTwo.'],
    ['<div>A<div>B</div>C</div>', 'A\nB\nC'],
    ['<h1>Head</h1>\n\n<p>Body</p>', 'Head\nBody'],
    ['<ul><li>first</li><li>second</li></ul>', 'first\nsecond'],
    ['<ol>\n  <li>one\n  <li>two\n</ol>', 'one\ntwo'],
    ['<blockquote><p>quoted</p></blockquote><p>after</p>', 'quoted\nafter'],
    ['<section><header>H</header><article>A</article><footer>F</footer></section>', 'H\nA\nF'],
    ['<dl><dt>term</dt><dd>definition</dd></dl>', 'term\ndefinition'],
    ['<figure><img src="x.png"><figcaption>Figure 1</figcaption></figure>', 'Figure 1'],
    ['<p>para<p>unclosed<p>third', 'para\nunclosed\nthird'],
    ['text before<p>block</p>text after', 'text before\nblock\ntext after'],
    ['<p></p><div>  </div><p>only</p>', 'only'],
  ];
  for (const [html, expected] of cases) assert.equal(read(html).text, expected, html);
});

test('inline white space collapses; <br> breaks a line; entities are decoded', () => {
  const cases: [string, string][] = [
    ['<p>  several   spaces\tand\n\ttabs  </p>', 'several spaces and tabs'],
    ['<p>one <b>bold</b> <i>and</i>&#32;<a href="#">link</a></p>', 'one bold and link'],
    ['<p>no<b>space</b>between</p>', 'nospacebetween'],
    ['<p>line one<br>line two<br/>line three</p>', 'line one\nline two\nline three'],
    ['<p>gap<br><br>after</p>', 'gap\n\nafter'],
    ['<p>trailing break<br></p><p>next</p>', 'trailing break\nnext'],
    ['<p>A &amp; B &lt;tag&gt; &quot;q&quot; &#x3042;&#12354; &copy;</p>', 'A & B <tag> "q" ああ ©'],
    ['<p>keep&nbsp;&nbsp;nbsp</p>', 'keep\u00a0\u00a0nbsp'],
    ['<p>全角\u3000空白</p>', '全角\u3000空白'],
    ['<table><tr><th>Name</th><th>Post</th></tr><tr><td>A</td><td>B</td></tr></table>', 'Name\tPost\nA\tB'],
    ['<pre>\n  indented\n    more\n</pre><p>after</p>', '  indented\n    more\nafter'],
  ];
  for (const [html, expected] of cases) assert.equal(read(html).text, expected, html);
});

test('a source line break between Japanese characters disappears, between Latin words it is a space', () => {
  const cases: [string, string][] = [
    ['<p>同盟の抑止力は\n信頼性が問われている。</p>', '同盟の抑止力は信頼性が問われている。'],
    ['<p>deterrence\nis tested</p>', 'deterrence is tested'],
    ['<p>抑止 力</p>', '抑止 力'],
    ['<p>NATO\n加盟国</p>', 'NATO 加盟国'],
  ];
  for (const [html, expected] of cases) assert.equal(read(html).text, expected, html);
});

test('scripts, styles, head, templates, hidden elements and comments give no text', () => {
  const html = `<!doctype html><html><head><title>T</title><style>p { color: red }</style>
    <script>var secret = "<p>not text</p>";</script><meta charset="utf-8"></head>
    <body><noscript>enable JS</noscript><template><p>template</p></template><!-- a comment -->
    <p>visible</p><p hidden>hidden attr</p><div style="display:none">display none</div>
    <svg><text>svg text</text></svg><select><option>opt</option></select></body></html>`;
  assert.equal(read(html).text, 'visible');
});

test('hostile HTML yields only its text', () => {
  const html = `<p>Click <a href="javascript:alert(1)" onclick="steal()">here</a><img src=x onerror="alert('xss')">
    <script>document.write('<h1>injected</h1>')</script><iframe src="evil"><p>frame</p></iframe>
    <SCRIPT SRC=//evil.example></SCRIPT><style>@import 'x'</style>now.</p>
    <p onmouseover="x()">Safe <IMG SRC=x ONERROR=alert(2)><a href=" javascript:void(0)">end</a></p>`;
  const { text } = read(html);
  assert.equal(text, 'Click here now.\nSafe end');
  for (const bad of ['alert', 'javascript', 'onerror', 'steal', 'injected', 'evil', 'frame', '@import']) {
    assert.ok(!text.includes(bad), `${bad} leaked into ${JSON.stringify(text)}`);
  }
  // `/>` does not close a script, as in a browser.
  assert.equal(read('<p>before<script src="x.js" />alert(3)</script> after</p>').text, 'before after');
  // A mangled tag is text, as a browser shows it; it never runs, and it stays inert in the SourceText.
  assert.equal(read('<p>a <scr<script>ipt>alert(2)</script> b</p>').text, 'a ipt>alert(2) b');
});

test('malformed HTML does not throw', () => {
  const cases = [
    '<p>unclosed <b>bold <i>italic',
    '</p></div></li>stray closers',
    '<div><p>a</div>b</p>',
    '<ul><li>a<li>b</ol>',
    '<<<>>> < p > &unknown; &#xZZ; &',
    '<table><td>cell without row',
    '<h2>heading <h3>inside</h2> heading',
    '<script>never closed',
    '<!-- unclosed comment',
    '<a href="x',
    '',
  ];
  for (const html of cases) assert.doesNotThrow(() => read(html), html);
  assert.equal(read('<p>unclosed <b>bold <i>italic').text, 'unclosed bold italic');
  assert.equal(read('<<<>>> < p > &unknown;').text, '<<<>>> < p > &unknown;');
});

test('hints: headings with levels and list items, spans into the produced text', () => {
  const source = read(`<h1>Deterrence in Flux</h1><p>Intro.</p><h2>1. Background</h2>
    <ul><li>first point</li><li>second <b>point</b><ul><li>nested</li></ul></li></ul><h6>Small</h6>`);
  assert.equal(source.text, 'Deterrence in Flux\nIntro.\n1. Background\nfirst point\nsecond point\nnested\nSmall');
  assert.deepEqual(hintsOf(source), [
    { kind: 'title', level: undefined, quote: 'Deterrence in Flux' },
    { kind: 'heading', level: 1, quote: 'Deterrence in Flux' },
    { kind: 'heading', level: 2, quote: '1. Background' },
    { kind: 'list-item', level: undefined, quote: 'first point' },
    { kind: 'list-item', level: undefined, quote: 'second point\nnested' },
    { kind: 'list-item', level: undefined, quote: 'nested' },
    { kind: 'heading', level: 6, quote: 'Small' },
  ]);
});

test('hints: empty headings and list items get none', () => {
  assert.deepEqual(hintsOf(read('<h2> </h2><ul><li></li><li><img src=x></li></ul><p>text</p>')), []);
});

test('title hint: the <title> where the body shows it, else the first h1, else none', () => {
  const cases: [string, string | undefined][] = [
    ['<title>Alliance Review</title><h1>Other</h1><h2>Alliance Review</h2>', 'Alliance Review'],
    ['<title>Alliance Review | Example Institute</title><p>Example Institute</p><h1>Alliance Review</h1>', 'Alliance Review'],
    ['<title>Alliance   Review</title><p>Alliance Review</p>', 'Alliance Review'],
    ['<title>Site name only</title><h1>Real Heading</h1>', 'Real Heading'],
    ['<title>Not shown</title><p>Body mentions Not shown inside a sentence.</p>', undefined],
    ['<p>no title at all</p>', undefined],
    ['<svg><title>Tooltip</title></svg><p>Tooltip</p>', undefined],
  ];
  for (const [html, expected] of cases) {
    const source = read(html);
    const titles = hintsOf(source).filter((h) => h.kind === 'title');
    assert.deepEqual(titles.map((t) => t.quote), expected === undefined ? [] : [expected], html);
    assert.ok(!source.text.includes('Site name only'), 'the <title> is not body text');
  }
});

test('a head without </head> ends where body content starts', () => {
  const source = read('<html><head><title>抑止の論点</title><meta charset="utf-8"><h1>抑止の論点</h1><p>本文。</p>');
  assert.equal(source.text, '抑止の論点\n本文。');
  assert.deepEqual(hintsOf(source).map((h) => h.kind), ['title', 'heading']);
});

test('Japanese commentary page: text, hints and format', () => {
  const html = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>北東アジアの抑止構造 | 架空政策研究所</title></head>
<body>
<nav><a href="/">ホーム</a></nav>
<article>
  <h1>北東アジアの抑止構造</h1>
  <p>架空政策研究所の山川一郎主任研究員は、同盟の抑止力について
  「信頼性が試されている」と指摘する<sup>1</sup>。</p>
  <h2>論点</h2>
  <ol><li>拡大抑止の信頼性</li><li>ミサイル防衛の費用</li></ol>
</article>
</body></html>`;
  const source = read(html);
  assert.equal(source.format, 'html');
  assert.equal(source.name, 'page.html');
  assert.equal(
    source.text,
    'ホーム\n北東アジアの抑止構造\n架空政策研究所の山川一郎主任研究員は、同盟の抑止力について「信頼性が試されている」と指摘する1。\n論点\n拡大抑止の信頼性\nミサイル防衛の費用',
  );
  assert.deepEqual(hintsOf(source), [
    { kind: 'title', level: undefined, quote: '北東アジアの抑止構造' },
    { kind: 'heading', level: 1, quote: '北東アジアの抑止構造' },
    { kind: 'heading', level: 2, quote: '論点' },
    { kind: 'list-item', level: undefined, quote: '拡大抑止の信頼性' },
    { kind: 'list-item', level: undefined, quote: 'ミサイル防衛の費用' },
  ]);
});

test('absurdly deep nesting is refused with an IngestError instead of a quadratic parse', () => {
  assert.throws(
    () => htmlToSource('<div>x'.repeat(100_000), 'deep.html'),
    (e: unknown) => isIngestError(e) && e.code === 'E_CORRUPT' && e.message.startsWith('deep.html: '),
  );
  // Many unclosed paragraphs are not deep: each <p> closes the one before.
  assert.equal(htmlToSource('<p>x'.repeat(100_000), 'flat.html').text.length, 100_000 * 2 - 1);
});

test('a large page converts in linear time', () => {
  const unit = '<h2>見出し</h2>\n<p>専門家は<b>抑止</b>について述べた。<br>Deterrence &amp; defence.</p><ul><li>項目</li></ul>\n';
  const html = `<html><body>${unit.repeat(100_000)}</body></html>`;
  const start = performance.now();
  const source = htmlToSource(html, 'big.html');
  assert.equal(source.hints?.blocks?.length, 200_000);
  assert.ok(performance.now() - start < 10_000, `took ${performance.now() - start} ms`);
});

test('property: arbitrary tag soup never throws and every hint is a valid span', () => {
  const piece = fc.oneof(
    fc.constantFrom('<p>', '</p>', '<h1>', '</h1>', '<h3>', '</h3>', '<li>', '</li>', '<ul>', '</ul>', '<br>', '<pre>', '</pre>',
      '<script>', '</script>', '<b>', '</b>', '<td>', '<tr>', '<table>', '</table>', '<!--', '-->', '&amp;', '&', '<', '>',
      '\n', ' ', '\r\n', '<title>', '</title>', '<head>', '</head>', '<div hidden>', '</div>'),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('抑止', '同盟', 'deterrence', '。', '𠮷'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const source = read(pieces.join(''));
      assert.doesNotMatch(source.text, /^\s|\s$/u, 'no leading or trailing white space');
    }),
    { seed: 1234, numRuns: 1000 },
  );
});
