/**
 * The network of an export for Gephi: people, organisations and documents as nodes, edges from a person to
 * the document they speak in (weighted by their claims there, rejected ones left out) and to their
 * organisation. Built as a graphology graph; written as GEXF by graphology-gexf and as GraphML by
 * `writeGraphml` below (graphology-graphml 0.5 ships a parser only, although its README names a writer).
 * Node and edge attributes are typed keys that Gephi reads as columns: label, type, claims, identity,
 * organisation, post, date, language; edges carry weight and type. Pure: ExportDataset → string.
 */
import { DirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { documentLabel, indexDataset, organizationKey, type ExportDataset } from './dataset.ts';

const COLORS = { person: '#2f6fb0', organization: '#8a4b00', document: '#4a7d2c' } as const;

export type NetworkNodeType = keyof typeof COLORS;

/**
 * @example
 * const g = buildNetwork(data); g.order; // people + organisations + documents
 */
export function buildNetwork(data: ExportDataset): DirectedGraph {
  const index = indexDataset(data);
  const graph = new DirectedGraph({ multi: false, allowSelfLoops: false });
  graph.setAttribute('title', data.title);
  const node = (key: string, attributes: Attributes) => {
    if (graph.hasNode(key)) graph.mergeNodeAttributes(key, attributes);
    else graph.addNode(key, attributes);
  };
  const edge = (source: string, target: string, type: string, by: number) => {
    const key = `${source}->${target}`;
    if (graph.hasEdge(key)) graph.updateEdgeAttribute(key, 'weight', (w: number | undefined) => (w ?? 0) + by);
    else graph.addEdgeWithKey(key, source, target, { type, weight: by, label: type });
  };
  for (const d of data.documents) {
    node(`document:${d.id}`, {
      label: documentLabel(d), type: 'document', claims: 0, identity: d.id, organization: '', post: '', date: d.date ?? '', language: d.language,
      color: COLORS.document, size: 10,
    });
  }
  const claimsOf = new Map<string, number>();
  for (const c of data.claims) {
    if (c.status === 'rejected') continue;
    const doc = `document:${c.document}`;
    graph.updateNodeAttribute(doc, 'claims', (n: number) => n + 1);
    for (const key of [...c.speakers, ...c.via]) {
      const p = index.person.get(key)!;
      const id = `person:${key}`;
      node(id, {
        label: p.name, type: 'person', claims: 0, identity: p.identity ?? '', organization: p.organization ?? '', post: p.post ?? '', date: '',
        language: '', color: COLORS.person, size: 10,
      });
      if (c.speakers.includes(key)) claimsOf.set(id, (claimsOf.get(id) ?? 0) + 1);
      edge(id, doc, c.speakers.includes(key) ? 'speaks-in' : 'relays-in', 1);
      if (p.organization) {
        const org = `organization:${organizationKey(p.organization)}`;
        node(org, { label: p.organization, type: 'organization', claims: 0, identity: '', organization: '', post: '', date: '', language: '', color: COLORS.organization, size: 10 });
        if (!graph.hasEdge(`${id}->${org}`)) edge(id, org, 'member-of', 1);
      }
    }
  }
  for (const [id, n] of claimsOf) graph.setNodeAttribute(id, 'claims', n);
  // Node size follows claims (documents: claims in them; people: theirs; organisations: members).
  graph.forEachNode((key, a) => {
    const n = a.type === 'organization' ? graph.inDegree(key) : (a.claims as number);
    graph.setNodeAttribute(key, 'size', 10 + 4 * Math.sqrt(n));
  });
  return graph;
}

/** GEXF 1.3 through graphology-gexf, with viz colours and sizes. */
export function renderGexf(data: ExportDataset): string {
  return gexf.write(buildNetwork(data), { version: '1.3', pretty: true });
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  // Characters XML 1.0 cannot hold at all (control characters other than tab and line ends).
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');

const NODE_KEYS = [
  ['label', 'string'], ['type', 'string'], ['claims', 'int'], ['identity', 'string'], ['organization', 'string'], ['post', 'string'],
  ['date', 'string'], ['language', 'string'], ['color', 'string'], ['size', 'double'],
] as const;
const EDGE_KEYS = [['label', 'string'], ['type', 'string'], ['weight', 'double']] as const;

/** GraphML 1.0 (http://graphml.graphdrawing.org/) of a graphology graph: typed keys, then nodes and edges. */
export function writeGraphml(graph: DirectedGraph): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  out.push('  <key id="n_key" for="node" attr.name="key" attr.type="string"/>');
  for (const [name, type] of NODE_KEYS) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="G" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">`);
  const data = (prefix: string, keys: readonly (readonly [string, string])[], a: Attributes) =>
    keys.filter(([name]) => a[name] !== undefined && a[name] !== null && a[name] !== '').map(([name]) => `      <data key="${prefix}_${name}">${xml(String(a[name]))}</data>`);
  // GraphML ids are NMTOKENs (no spaces, no >): nodes are n0, n1 … and the graph's own key goes in `key`.
  const ids = new Map<string, string>();
  graph.forEachNode((key, a) => {
    const id = `n${ids.size}`;
    ids.set(key, id);
    out.push(`    <node id="${id}">`, `      <data key="n_key">${xml(key)}</data>`, ...data('n', NODE_KEYS, a), '    </node>');
  });
  let e = 0;
  graph.forEachEdge((_key, a, source, target) => {
    out.push(`    <edge id="e${e++}" source="${ids.get(source)}" target="${ids.get(target)}">`, ...data('e', EDGE_KEYS, a), '    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function renderGraphml(data: ExportDataset): string {
  return writeGraphml(buildNetwork(data));
}
