/**
 * A speaker's colour: one of twelve hues (classes sp-0 … sp-11 in styles.css, light enough for black text
 * on top), chosen from the speaker's key so that a person keeps their colour across documents and visits.
 */
export const SPEAKER_COLOURS = 12;

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
 * when another speaker of the document has it already, so that speakers side by side never share a colour
 * (until there are more than twelve).
 */
export function assignColours(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<number>();
  for (const key of keys) {
    if (out.has(key)) continue;
    let n = speakerColour(key);
    for (let tries = 0; taken.has(n) && tries < SPEAKER_COLOURS; tries++) n = (n + 1) % SPEAKER_COLOURS;
    taken.add(n);
    out.set(key, `sp-${n}`);
  }
  return out;
}
