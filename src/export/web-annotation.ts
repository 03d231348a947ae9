/**
 * Claims as a W3C Web Annotation collection (JSON-LD, https://www.w3.org/TR/annotation-model/): one
 * annotation per claim, whose target is its document with a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (UTF-16 offsets, as mikata counts them), and whose bodies name the speaker (and
 * their identity), the kind, the cue, the status and the codes. Analysts' corrections make the annotation's
 * creator and modified time; mikata is its generator. Rejected claims are kept, with an `assessing` body.
 * The analyst's grades (Admiralty system) are `assessing` bodies too ("reliability B: usually reliable",
 * "credibility 3: possibly true", "grade B3"), and the caveats that fit a speaker `commenting` ones.
 * Pure: ExportDataset → string.
 */
import { uuidv5 } from './_uuid.ts';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../core/grading/grades.ts';
import { claimGrading, claimNames, claimReview, indexDataset, type ExportDataset } from './dataset.ts';

/** How much text the quote selector keeps on either side (the spec leaves it to the implementation). */
const CONTEXT = 32;

export const documentUri = (hash: string) => `urn:x-mikata:document:${hash}`;
export const personUri = (key: string) => `urn:uuid:${uuidv5(`person:${key}`)}`;

const MIKATA = { id: 'https://www.npmjs.com/package/mikata', type: 'Software', name: 'mikata' } as const;

const text = (value: string, purpose: string, language?: string) => ({
  type: 'TextualBody', purpose, value, format: 'text/plain', ...(language ? { language } : {}),
});

/**
 * @example
 * JSON.parse(renderWebAnnotation(data)).first.items[0].target.selector[0]; // { type: 'TextQuoteSelector', exact: '…', … }
 */
export function renderWebAnnotation(data: ExportDataset): string {
  const index = indexDataset(data);
  const names = claimNames(data);
  const collectionId = `urn:uuid:${uuidv5(`w3c:collection:${data.scope.documents.join(',')}|${data.scope.people.join(',')}`)}`;
  const items = data.claims.map((c) => {
    const doc = index.document.get(c.document)!;
    const review = claimReview(c, index.correction);
    const bodies: Record<string, unknown>[] = [];
    for (const key of c.speakers) {
      const p = index.person.get(key)!;
      bodies.push(text(p.name, 'identifying'));
      bodies.push({ type: 'SpecificResource', source: personUri(key), purpose: 'identifying' });
    }
    for (const key of c.via) bodies.push(text(`via: ${index.person.get(key)!.name}`, 'describing'));
    bodies.push(text(c.kind, 'classifying', 'en'));
    if (c.cue) bodies.push(text(c.cue.text, 'describing', doc.language));
    bodies.push(text(c.status, 'assessing', 'en'));
    for (const h of c.hedges) bodies.push(text(h, 'tagging', doc.language));
    if (c.section) bodies.push(text(c.section, 'tagging', doc.language));
    const graded = claimGrading(c, index.person);
    for (const key of c.speakers) {
      const r = index.person.get(key)!.reliability;
      if (r) bodies.push(text(`reliability ${r.value}: ${RELIABILITY_LABEL[r.value].en} (${index.person.get(key)!.name}; ${r.by}, ${r.at}${r.why ? `: ${r.why}` : ''})`, 'assessing', 'en'));
    }
    if (c.credibility) bodies.push(text(`credibility ${c.credibility.value}: ${CREDIBILITY_LABEL[c.credibility.value].en} (${c.credibility.by}, ${c.credibility.at}${c.credibility.why ? `: ${c.credibility.why}` : ''})`, 'assessing', 'en'));
    if (graded.notation) bodies.push(text(`grade ${graded.notation}`, 'assessing', 'en'));
    for (const k of graded.caveats) bodies.push(text(`caveat: ${k.label.en}: ${k.caveat.en}`, 'commenting', 'en'));
    const created = c.provenance === 'analyst' ? (index.correction.get(c.corrections[0] ?? '')?.at ?? doc.analyzedAt) : doc.analyzedAt;
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${uuidv5(`w3c:claim:${names.get(c)}`)}`,
      type: 'Annotation',
      motivation: 'identifying',
      created,
      ...(review.at ? { modified: review.at } : {}),
      creator: review.by ? { type: 'Person', name: review.by } : MIKATA,
      generator: MIKATA,
      generated: data.generatedAt,
      body: bodies,
      target: {
        source: documentUri(doc.hash),
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: c.content.text,
            prefix: doc.text.slice(Math.max(0, c.content.start - CONTEXT), c.content.start),
            suffix: doc.text.slice(c.content.end, c.content.end + CONTEXT),
          },
          { type: 'TextPositionSelector', start: c.content.start, end: c.content.end },
        ],
      },
    };
  });
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collectionId,
    type: 'AnnotationCollection',
    label: data.title,
    total: items.length,
    created: data.generatedAt,
    ...(data.analyst ? { creator: { type: 'Person', name: data.analyst } } : {}),
    generator: MIKATA,
    first: {
      id: `${collectionId}#page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  // An empty collection has no first page (the model: first only when there are annotations).
  if (!items.length) {
    delete (collection as Partial<typeof collection>).first;
    return `${JSON.stringify(collection)}\n`;
  }
  const { first, ...head } = collection;
  const { items: annotations, ...page } = first;
  // One annotation a line: a large collection stays readable with grep and diff, at half the size of indented JSON.
  return `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[\n${annotations.map((a) => JSON.stringify(a)).join(',\n')}\n]}}\n`;
}
