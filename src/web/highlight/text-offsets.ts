/**
 * DOM positions ↔ document offsets, for a container whose text nodes, in order, spell the document exactly
 * (the reader renders the pieces of build-runs.ts, which tile the text). The same idea as Hypothesis'
 * text-range.ts: count UTF-16 code units of the text nodes before a point.
 */

function textNodes(container: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * The document offset of a DOM point (node, offset) inside `container`, or null when the point is outside
 * it. An element point counts the text of the children before `offset`.
 */
export function toOffset(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  let total = 0;
  if (node.nodeType === Node.TEXT_NODE) {
    for (const t of textNodes(container)) {
      if (t === node) return total + offset;
      total += t.data.length;
    }
    return null;
  }
  // An element point: the text before its offset-th child.
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The document span of a selection inside `container`, or null when it is empty or reaches outside. */
export function selectionSpan(container: Node, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = toOffset(container, range.startContainer, range.startOffset);
  const b = toOffset(container, range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** A DOM range for a document span (to scroll to it or measure it). */
export function toRange(container: Node, span: { start: number; end: number }): Range | null {
  const range = document.createRange();
  let total = 0;
  let started = false;
  for (const t of textNodes(container)) {
    const len = t.data.length;
    if (!started && span.start <= total + len) {
      range.setStart(t, span.start - total);
      started = true;
    }
    if (started && span.end <= total + len) {
      range.setEnd(t, span.end - total);
      return range;
    }
    total += len;
  }
  return null;
}
