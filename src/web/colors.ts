/**
 * A speaker's colour: one of twenty hues (classes sp-0 … sp-19 in styles.css, light enough for black text
 * on top), chosen from the speaker's key (the person's identity id) so that a person keeps their colour
 * across documents, visits and edits.
 */
export const SPEAKER_COLOURS = 20;

export function speakerColour(key: string | null | undefined): number {
  if (!key) return -1;
  // FNV-1a: small, stable, well spread for short keys.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SPEAKER_COLOURS;
}

export function speakerClass(key: string | null | undefined): string {
  const n = speakerColour(key);
  return n < 0 ? 'sp-none' : `sp-${n}`;
}

/**
 * Colours for the speakers of one document: each starts from its own hue and moves to the next free one
 * when another speaker of the document has it already, so that up to twenty speakers side by side never
 * share a colour; past twenty, a speaker whose hue is taken gets it striped (class sp-striped) to stay told
 * apart. The keys are taken in sorted order, not in the order of the text, so that an edit elsewhere in the
 * document (a claim added, a speaker changed) does not recolour the others.
 */
export function assignColours(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Map<number, number>();
  for (const key of [...new Set(keys)].sort()) {
    const own = speakerColour(key);
    let n = own;
    for (let tries = 0; taken.has(n) && tries < SPEAKER_COLOURS; tries++) n = (n + 1) % SPEAKER_COLOURS;
    if (taken.has(n)) {
      // Every hue is in use: share one, striped (and the third on it striped the other way).
      const uses = taken.get(own)!;
      taken.set(own, uses + 1);
      out.set(key, `sp-${own} sp-striped${uses > 1 ? ' sp-striped-2' : ''}`);
      continue;
    }
    taken.set(n, 1);
    out.set(key, `sp-${n}`);
  }
  return out;
}
