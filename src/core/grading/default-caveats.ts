/**
 * The default caveat list: generic patterns for state media, government spokespeople, ministries and
 * officials, and state-affiliated bodies, in Japanese and English, written for mikata. It names no outlet or
 * person: an analyst adds those for the countries they follow (`mikata grade caveats export FILE --default`,
 * edit, `mikata grade caveats import FILE`).
 *
 * Suggested grades: state media D (not usually reliable: dependable for what its government wants said, not
 * for facts its government has a stake in); spokespeople and officials C (fairly reliable: what they say is the
 * official line by definition, which is itself information, but it is advocacy). Affiliated bodies get a caveat
 * and no suggestion: affiliation alone says little about a researcher's record.
 */
import { CAVEATS_FORMAT, parseCaveatList } from './caveats.ts';

const list = {
  format: CAVEATS_FORMAT,
  name: 'mikata: state media and officials',
  version: '2026.1',
  description: 'Generic patterns for sources that speak for a state. Add the outlets and offices you follow.',
  entries: [
    {
      id: 'state-media',
      kind: 'state-media',
      label: { ja: '国営・官製メディア', en: 'State media' },
      caveat: {
        ja: '国家が所有・管理する報道機関。政府の公式見解を伝える点では確かだが、政府に利害のある事実については独立に確認すること。',
        en: 'Owned or controlled by a state: dependable for what its government wants said; confirm independently anything the government has a stake in.',
      },
      suggest: 'D',
      match: {
        ja: ['国営', '官営', '官製メディア', '政府系メディア', '国営通信', '国営テレビ', '国営放送', '党機関紙', '政府機関紙'],
        en: ['state-run', 'state-owned', 'state-controlled', 'state media', 'state news agency', 'state broadcaster', 'state television', 'state TV', 'government-controlled', 'government-run', 'party newspaper', 'party mouthpiece'],
      },
    },
    {
      id: 'official.spokesperson',
      kind: 'official',
      label: { ja: '報道官・広報担当', en: 'Government spokesperson' },
      caveat: {
        ja: '政府・機関の報道官の発言は公式の立場の表明であり、事実の報告ではなく主張として扱うこと。',
        en: 'A spokesperson states an official position: treat it as advocacy for that position, not as a report of fact.',
      },
      suggest: 'C',
      match: {
        ja: ['報道官', '広報官', '報道担当', '官房長官', '広報担当'],
        en: ['spokesperson', 'spokesman', 'spokeswoman', 'press secretary', 'press officer', 'press office'],
      },
    },
    {
      id: 'official.government',
      kind: 'official',
      label: { ja: '政府・省庁・当局者', en: 'Government, ministry or official' },
      caveat: {
        ja: '政府・省庁・在外公館の当局者は自国政府の立場を代弁する。公開の発言は政策上の目的を持ちうる。',
        en: 'Ministries, embassies and officials speak for their government; what they say in public may serve a policy aim.',
      },
      suggest: 'C',
      match: {
        ja: ['外務省', '国防省', '防衛省', '国務省', '内務省', '大統領府', '首相府', '政府', '当局', '大使館', '大使', '大臣', '長官', '次官'],
        en: ['ministry', 'foreign ministry', 'defence ministry', 'defense ministry', 'minister', 'government', 'embassy', 'ambassador', 'presidential administration', 'state department', 'officials', 'government official'],
        patterns: ['(?:外|国防|防衛|首|内)相$'],
      },
    },
    {
      id: 'state-affiliated',
      kind: 'other',
      label: { ja: '政府系機関', en: 'State-affiliated body' },
      caveat: {
        ja: '政府が設立・出資する研究機関などに所属する。独立した見解とは限らない。',
        en: 'Belongs to a body a state founded or funds: its views are not necessarily independent.',
      },
      match: {
        ja: ['政府系', '官製', '政府出資'],
        en: ['government-affiliated', 'state-affiliated', 'state-funded', 'government-funded'],
      },
    },
  ],
};

export const DEFAULT_CAVEATS = parseCaveatList(list, 'the default caveat list');
