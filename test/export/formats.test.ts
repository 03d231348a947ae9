/**
 * The corpus exports against the official schemas (read from ../shared/schemas at test time) and read back:
 * REFI-QDA (XSD, and a round trip through our own reader), W3C Web Annotation (every MUST assertion),
 * STIX 2.1 (every object; ids stable across re-exports), GraphML (XSD) and GEXF (both parsed by graphology
 * to the same counts), CSL-JSON; and the audit CSV and briefs with the fixes of issue 13.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { unzipSync } from 'fflate';
import { collectDataset } from '../../src/export/collect-dataset.ts';
import { claimNames, type ExportDataset } from '../../src/export/dataset.ts';
import { corpusFormatNames, exportFileName, renderExport } from '../../src/export/formats.ts';
import { buildNetwork } from '../../src/export/network.ts';
import { readQdpx, type QdpxSelection } from '../../src/export/qdpx-read.ts';
import { uuidv5 } from '../../src/export/_uuid.ts';
import type { TestCorpus } from '../server/_corpus.ts';
import { createExportCorpus } from './_corpus.ts';
import { cslValidator, graphmlErrors, REFI_QDA_XSD, schemasMissing, stixValidator, webAnnotationValidator, xsdErrors } from './_validators.ts';

const NOW = '2025-05-01T10:00:00.000Z';
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const json = (b: Uint8Array) => JSON.parse(text(b)) as Record<string, any>;

let tc: TestCorpus;
const scopes: Record<string, ExportDataset> = {};

before(async () => {
  tc = await createExportCorpus();
  scopes.corpus = await collectDataset(tc.corpus, {}, { now: NOW, analyst: 'kato' });
  scopes.document = await collectDataset(tc.corpus, { documents: [tc.refs['black-sea.txt']!] }, { now: NOW, analyst: 'kato' });
  scopes.person = await collectDataset(tc.corpus, { people: ['Vlad Popescu'] }, { now: NOW, analyst: 'kato' });
  scopes.ports = await collectDataset(tc.corpus, { documents: ['ports.txt'] }, { now: NOW, analyst: 'kato' });
});
after(async () => tc?.dispose());

describe('the selection', () => {
  test('the corpus keeps every claim, rejected ones too; a document its own; a person theirs in every document', () => {
    assert.equal(scopes.corpus!.documents.length, 4);
    assert.ok(scopes.corpus!.claims.some((c) => c.status === 'rejected'));
    assert.deepEqual(new Set(scopes.document!.claims.map((c) => c.document)), new Set([tc.refs['black-sea.txt']]));
    const popescu = scopes.person!;
    assert.equal(popescu.documents.length, 2, 'the Japanese commentary and the English brief');
    assert.ok(popescu.claims.length >= 4);
    for (const c of popescu.claims) assert.ok(c.speakers.some((k) => popescu.people.find((p) => p.key === k)?.forms.some((f) => f.form === 'Vlad Popescu')));
  });

  test('every span points into its document', () => {
    for (const data of Object.values(scopes)) {
      const docs = new Map(data.documents.map((d) => [d.id, d]));
      for (const c of data.claims) assert.equal(docs.get(c.document)!.text.slice(c.content.start, c.content.end), c.content.text);
    }
  });
});

describe('formats', { skip: schemasMissing }, () => {
  for (const scope of ['corpus', 'document', 'person', 'ports']) {
    test(`${scope}: STIX 2.1 bundle and every object valid against the OASIS schemas`, () => {
      const bundle = json(renderExport('stix', scopes[scope]!));
      const v = stixValidator();
      assert.deepEqual(v.bundle(bundle), []);
      for (const o of bundle.objects) assert.deepEqual(v.object(o), [], `${o.type} ${o.id}`);
      const data = scopes[scope]!;
      assert.equal(bundle.objects.filter((o: any) => o.type === 'note').length, data.claims.length, 'a note per claim');
      assert.equal(bundle.objects.filter((o: any) => o.type === 'report').length, data.documents.length, 'a report per document');
      assert.doesNotMatch(JSON.stringify(bundle), /:null\b/, 'STIX leaves out a property rather than set it to null');
      const ids = new Set(bundle.objects.map((o: any) => o.id));
      assert.equal(ids.size, bundle.objects.length, 'no id twice');
      for (const o of bundle.objects) for (const ref of [...(o.object_refs ?? []), o.source_ref, o.target_ref, o.created_by_ref].filter(Boolean)) assert.ok(ids.has(ref), `${o.id} → ${ref} resolves`);
    });

    test(`${scope}: W3C Web Annotation — the collection, its page and every annotation hold every MUST`, () => {
      const c = json(renderExport('w3c', scopes[scope]!));
      const v = webAnnotationValidator();
      assert.deepEqual(v.collection(c), []);
      assert.deepEqual(v.page({ '@context': c['@context'], ...c.first }), []);
      const docs = new Map(scopes[scope]!.documents.map((d) => [`urn:x-mikata:document:${d.hash}`, d.text]));
      assert.equal(c.first.items.length, scopes[scope]!.claims.length);
      const reviewed = new Map(scopes[scope]!.claims.map((x) => [x.content.text, x.status]));
      for (const a of c.first.items) {
        assert.deepEqual(v.annotation(a), [], a.id);
        const status = reviewed.get(a.target.selector[0].exact);
        if (status === 'unreviewed') assert.equal(a.creator.type, 'Software');
        else assert.ok(a.creator.type === 'Person' && ['kato', 'sato'].includes(a.creator.name) && a.modified, `${status}: the analyst is the creator`);
        const [quote, position] = a.target.selector;
        const t = docs.get(a.target.source)!;
        assert.equal(t.slice(position.start, position.end), quote.exact);
        assert.ok(t.slice(0, position.start).endsWith(quote.prefix) && t.slice(position.end).startsWith(quote.suffix));
      }
    });

    test(`${scope}: CSL-JSON valid against csl-data.json`, () => {
      const items = json(renderExport('csl', scopes[scope]!));
      assert.deepEqual(cslValidator()(items), []);
    });

    test(`${scope}: REFI-QDA project.qde valid against the XSD, and read back`, () => {
      const data = scopes[scope]!;
      const bytes = renderExport('qdpx', data);
      const files = unzipSync(bytes);
      assert.deepEqual(xsdErrors(files['project.qde']!, REFI_QDA_XSD()), []);
      const project = readQdpx(bytes);
      assert.equal(project.sources.length, data.documents.length);
      const names = claimNames(data);
      for (const d of data.documents) {
        const source = project.sources.find((s) => s.text === d.text);
        assert.ok(source, `source ${d.id} with its text`);
        const claims = data.claims.filter((c) => c.document === d.id);
        assert.equal(source.selections.length, claims.length);
        for (const c of claims) {
          const sel: QdpxSelection = source.selections.find((s) => s.guid === uuidv5(`qdpx:selection:${names.get(c)}`))!;
          assert.deepEqual([sel.start, sel.end], [c.content.start, c.content.end], 'offsets back in UTF-16');
          const codes = sel.codes.map((g) => project.codes.find((k) => k.guid === g)!.name);
          if (c.status === 'rejected') assert.deepEqual(codes, ['Rejected']);
          else for (const k of c.speakers) assert.ok(codes.includes(data.people.find((p) => p.key === k)!.name), `${c.id} coded with its speaker`);
        }
      }
      for (const code of project.codes) if (code.parent) assert.ok(project.codes.some((k) => k.guid === code.parent));
    });

    test(`${scope}: GraphML valid against the XSD; GraphML and GEXF read back by graphology with the same counts`, () => {
      const data = scopes[scope]!;
      const g = buildNetwork(data);
      const xml = text(renderExport('graphml', data));
      assert.deepEqual(graphmlErrors(xml), []);
      const fromGraphml = graphml.parse(DirectedGraph, xml);
      const fromGexf = gexf.parse(DirectedGraph, text(renderExport('gexf', data)));
      for (const back of [fromGraphml, fromGexf]) {
        assert.equal(back.order, g.order);
        assert.equal(back.size, g.size);
        const weights = (x: typeof g) => x.mapEdges((_k, a) => Number(a.weight)).sort((p, q) => p - q);
        assert.deepEqual(weights(back), weights(g));
      }
      const claims = data.claims.filter((c) => c.status !== 'rejected').length;
      const docWeights = g.filterNodes((_k, a) => a.type === 'document').reduce((n, k) => n + (g.getNodeAttribute(k, 'claims') as number), 0);
      assert.equal(docWeights, claims, 'documents count the claims that stand');
    });
  }

  test('every format renders bytes and names its file from the title', () => {
    for (const f of corpusFormatNames) {
      assert.ok(renderExport(f, scopes.document!).length > 0);
      assert.match(exportFileName(f, scopes.document!), /^黒海の海上交通と沿岸国_——_東欧の研究者の見方\./);
    }
  });
});

describe('REFI-QDA positions', () => {
  test('are counted in Unicode characters: one fewer after 𠮷 (two UTF-16 units) than mikata\'s offsets', () => {
    const data = scopes.ports!;
    const xml = text(unzipSync(renderExport('qdpx', data))['project.qde']!);
    const doc = data.documents[0]!;
    assert.ok(data.claims.length > 0);
    for (const c of data.claims) {
      const cp = (o: number) => [...doc.text.slice(0, o)].length;
      assert.equal(cp(c.content.start), c.content.start - 1, 'the text has one astral character before the claim');
      assert.match(xml, new RegExp(`startPosition="${cp(c.content.start)}" endPosition="${cp(c.content.end)}"`));
    }
  });
});

describe('STIX ids', () => {
  test('a re-export after a correction keeps every id; the corrected note moves its modified time, not created', async () => {
    const before = json(renderExport('stix', scopes.corpus!));
    const ref = tc.refs['black-sea.txt']!;
    await tc.corpus.correct({ document: ref, action: 'accept', quote: '穀物輸送は2024年春', by: 'sato' });
    try {
      const again = await collectDataset(tc.corpus, {}, { now: '2025-06-01T10:00:00.000Z', analyst: 'sato' });
      const bundle = json(renderExport('stix', again));
      const ids = (b: any, type?: string) => new Set(b.objects.filter((o: any) => !type || o.type === type).map((o: any) => o.id));
      for (const type of ['identity', 'report', 'note', 'relationship']) assert.deepEqual(ids(bundle, type), ids(before, type), type);
      assert.equal(ids(bundle, 'opinion').size, ids(before, 'opinion').size + 1, 'one new opinion for the new review');
      const note = (b: any) => b.objects.find((o: any) => o.type === 'note' && o.content.includes('穀物輸送は2024年春'));
      assert.equal(note(bundle).created, note(before).created);
      assert.ok(note(bundle).modified >= note(before).modified);
      assert.deepEqual(note(bundle).labels, ['accepted']);
    } finally {
      const c = (await tc.corpus.corrections(ref)).at(-1)!;
      await tc.corpus.withdraw(c.id, { by: 'sato' });
    }
  });

  test('uuidv5 gives the RFC test vector', () => {
    assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
