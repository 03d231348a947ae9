/**
 * The network of experts, organisations and documents, drawn with cytoscape (loaded with this screen only).
 * The same nodes are listed below the graph as links, for the keyboard and for screen readers.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { NetworkView } from '../../server/workbench.ts';
import { getJson } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { href, navigate } from '../router.ts';
import { useWorkspace } from '../workspace.ts';
import { ErrorBox, Loading } from './Widgets.tsx';

const COLOURS = { expert: '#2f6db5', organization: '#b5651d', document: '#4b8b3b' } as const;

/**
 * Cytoscape adds a <style> element to the page unless an element with its id exists; the CSP forbids inline
 * style, so a placeholder stands there instead and styles.css carries the one rule it would have added.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}

export function NetworkScreen() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const net = useAsync(() => getJson<NetworkView>('/api/network'), [workspace.version]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const data = net.data;
    if (!data || !box.current) return;
    let destroyed = false;
    let graph: { destroy(): void } | null = null;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      claimCytoscapeStylesheet();
      const maxWeight = Math.max(1, ...data.nodes.map((n) => n.weight));
      const cy = cytoscape({
        container: box.current,
        elements: [
          ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type, ref: n.ref, size: 18 + Math.round((n.weight / maxWeight) * 30) } })),
          ...data.edges.map((e, i) => ({ data: { id: `edge${i}`, source: e.source, target: e.target, weight: e.weight, type: e.type } })),
        ],
        style: [
          { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-wrap': 'ellipsis', 'text-max-width': '140px', color: '#1d2330' } },
          { selector: 'node[type = "expert"]', style: { 'background-color': COLOURS.expert, shape: 'ellipse' } },
          { selector: 'node[type = "organization"]', style: { 'background-color': COLOURS.organization, shape: 'round-rectangle' } },
          { selector: 'node[type = "document"]', style: { 'background-color': COLOURS.document, shape: 'rectangle' } },
          { selector: 'edge', style: { width: 'mapData(weight, 1, 10, 1, 5)', 'line-color': '#b9c0cc', 'curve-style': 'bezier' } },
          { selector: 'edge[type = "affiliation"]', style: { 'line-style': 'dashed' } },
        ],
        layout: { name: data.nodes.length > 150 ? 'concentric' : 'cose', animate: false },
      });
      cy.on('tap', 'node', (e) => {
        const type = e.target.data('type') as string;
        const ref = e.target.data('ref') as string | null;
        if (ref && type === 'expert') navigate(href('expert', ref));
        else if (ref && type === 'document') navigate(href('doc', ref));
      });
      box.current.dataset.ready = 'true';
      graph = cy;
    });
    return () => {
      destroyed = true;
      graph?.destroy();
    };
  }, [net.data]);

  if (net.error) return <ErrorBox error={net.error} onRetry={net.reload} />;
  if (!net.data) return <Loading />;
  const byType = (type: 'expert' | 'organization' | 'document') => net.data!.nodes.filter((n) => n.type === type);

  return (
    <section class="screen network" aria-labelledby="network-title">
      <h1 id="network-title">{t('networkTitle')}</h1>
      <p class="muted">{t('networkHelp')}</p>
      <p class="legend">
        <span class="legend-expert">● {t('nodeExpert')}</span>
        <span class="legend-organization">■ {t('nodeOrganization')}</span>
        <span class="legend-document">■ {t('nodeDocument')}</span>
      </p>
      <div class="graph" ref={box} role="img" aria-label={t('networkTitle')} />
      <details class="node-list">
        <summary>{t('networkList')}</summary>
        <div class="node-columns">
          <div>
            <h2>{t('nodeExpert')}</h2>
            <ul>{byType('expert').map((n) => <li key={n.id}><a href={href('expert', n.ref!)}>{n.label}</a> ({n.weight})</li>)}</ul>
          </div>
          <div>
            <h2>{t('nodeOrganization')}</h2>
            <ul>
              {byType('organization').map((n) => (
                <li key={n.id}>
                  {n.label}: {net.data!.edges.filter((e) => e.target === n.id).map((e) => net.data!.nodes.find((x) => x.id === e.source)?.label).join(', ')}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h2>{t('nodeDocument')}</h2>
            <ul>{byType('document').map((n) => <li key={n.id}><a href={href('doc', n.ref!)}>{n.label}</a> ({n.weight})</li>)}</ul>
          </div>
        </div>
      </details>
    </section>
  );
}
