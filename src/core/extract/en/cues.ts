/**
 * The English cue table: which predicates attribute content to a source, and what they govern. One row per
 * lemma, so every form and voice of the verb (say, says, said, saying; has said, would say) is the same cue.
 *
 * `takes` says what the predicate's content may be: a reported clause (that-clause, bare clause, quotation),
 * an infinitive (promised to …), or an object (denied the report, called for …). `object` verbs (tell, urge,
 * ask) put a listener between the cue and its content: told reporters that …
 */

export type Takes = 'clause' | 'to' | 'object';

export interface CueRow {
  /** What the content may be, in order of preference. */
  readonly takes: readonly Takes[];
  /**
   * The cue governs a listener first: 'skip' when the content is what follows it (told reporters that …),
   * 'keep' when the listener is part of the content (urged Congress to act).
   */
  readonly listener?: 'skip' | 'keep';
  /** Particles that belong to the cue (call for, point out). */
  readonly particles?: readonly string[];
  /** A speech verb proper (say, tell, add): may stand after its quotation (“…,” she said). */
  readonly speech?: boolean;
}

const SPEECH: CueRow = { takes: ['clause'], speech: true, particles: ['about', 'against', 'out'] };
const SPEECH_TO: CueRow = { takes: ['clause', 'to'], speech: true, particles: ['about', 'against'] };
const BELIEF: CueRow = { takes: ['clause'] };
const INTENT: CueRow = { takes: ['to', 'clause'] };
const EVALUATE: CueRow = { takes: ['object', 'clause'] };
/** Talk about a topic: a clause, or (with its particle) an object — spoke about the budget. */
const TALK: CueRow = { takes: ['clause'], particles: ['about', 'of', 'on', 'against', 'for', 'out', 'down', 'in', 'up'] };

/** Lemma → row. Lemmas as wink's English model gives them (lower case). */
export const CUE_VERBS: ReadonlyMap<string, CueRow> = firstWins([
  // Speech: say, report, and their kin.
  ...['say', 'add', 'note', 'write', 'argue', 'claim', 'insist', 'suggest', 'report', 'announce', 'acknowledge', 'admit',
    'declare', 'tweet', 'stress', 'recall', 'reply', 'respond', 'predict', 'concede', 'assert', 'counter', 'contend', 'maintain',
    'emphasize', 'emphasise', 'complain', 'explain', 'state', 'observe', 'remark', 'confirm', 'reveal', 'disclose', 'allege',
    'testify', 'speculate', 'boast', 'brag', 'joke', 'quip', 'muse', 'recount', 'conclude', 'reiterate', 'repeat', 'lament',
    'mention', 'indicate', 'signal', 'hint', 'caution', 'contend', 'agree', 'retort', 'acknowledge', 'posit', 'proclaim',
    'wonder', 'ask', 'write', 'post', 'answer', 'elaborate', 'clarify', 'estimate', 'project', 'forecast', 'specify',
    'continue', 'chant', 'sing', 'yell', 'shout', 'scream', 'whisper', 'plead', 'charge', 'counsel', 'advise', 'rule',
    'reaffirm', 'affirm', 'attest', 'profess', 'divulge', 'underline', 'insinuate']
    .map((v) => [v, SPEECH] as const),
  ...['warn', 'promise', 'pledge', 'vow', 'threaten', 'swear', 'guarantee'].map((v) => [v, SPEECH_TO] as const),
  ['tell', { takes: ['clause', 'to'], speech: true, listener: 'skip' }],
  ['assure', { takes: ['clause'], speech: true, listener: 'skip' }],
  ['remind', { takes: ['clause'], speech: true, listener: 'skip' }],
  ['inform', { takes: ['clause'], speech: true, listener: 'skip' }],
  ['urge', { takes: ['object'], listener: 'keep' }],
  ['encourage', { takes: ['object'], listener: 'keep' }],
  ['implore', { takes: ['object'], listener: 'keep' }],
  ['persuade', { takes: ['object'], listener: 'keep' }],
  ['convince', { takes: ['object'], listener: 'keep' }],
  ['point', { takes: ['clause', 'object'], particles: ['out', 'to'] }],
  ['call', { takes: ['object', 'to'], particles: ['for', 'on'] }],
  // Talk about a topic: the object is the content.
  ...['talk', 'speak', 'comment', 'complain', 'apologize', 'apologise', 'joke', 'focus', 'harp', 'dwell', 'weigh', 'rail',
    'lash', 'advocate', 'campaign', 'argue', 'insist', 'warn', 'caution', 'brag', 'boast', 'raise', 'seize', 'double',
    'express', 'voice', 'discuss', 'address', 'debate', 'highlight', 'underscore', 'invoke', 'reference', 'blame']
    .map((v) => [v, TALK] as const),
  // Belief and knowledge.
  ...['believe', 'think', 'feel', 'fear', 'worry', 'hope', 'doubt', 'suspect', 'expect', 'assume', 'know', 'understand',
    'realize', 'recognize', 'consider', 'figure', 'reckon', 'imagine', 'guess', 'bet', 'insist', 'acknowledge', 'anticipate',
    'find', 'show', 'suggest', 'conclude', 'determine', 'prove', 'demonstrate', 'imply', 'see', 'document', 'view', 'regard']
    .map((v) => [v, BELIEF] as const),
  // Intention and will.
  ...['want', 'plan', 'intend', 'refuse', 'decline', 'seek', 'aim', 'hope', 'wish', 'decide', 'propose', 'offer', 'demand',
    'request', 'agree', 'vow', 'pledge', 'promise', 'threaten', 'prefer'].map((v) => [v, INTENT] as const),
  // Evaluation and stance on an object.
  ...['deny', 'criticize', 'criticise', 'praise', 'attack', 'condemn', 'blast', 'slam', 'support', 'oppose', 'reject',
    'dismiss', 'question', 'blame', 'accuse', 'cite', 'describe', 'defend', 'endorse', 'applaud', 'welcome', 'denounce',
    'dispute', 'challenge', 'mock', 'rebuke', 'decry', 'hail', 'tout', 'laud', 'champion', 'backs', 'favor', 'favour',
    'support', 'rule', 'characterize', 'label', 'liken', 'compare', 'dub', 'brand', 'accuse', 'credit', 'thank', 'rate', 'echo',
    // Verbs of judging, praising and blaming, and of setting out or connecting ideas.
    'outline', 'detail', 'chastise', 'admire', 'link', 'promote', 'downplay', 'commend', 'berate', 'castigate', 'disparage',
    'belittle', 'ridicule', 'deride', 'lambaste', 'lambast', 'scold', 'refute', 'rebut', 'fault', 'excoriate', 'malign']
    .map((v) => [v, EVALUATE] as const),
]);

/** A lemma listed under two rows keeps the first (the more specific: speech before belief before intent). */
function firstWins(rows: readonly (readonly [string, CueRow])[]): Map<string, CueRow> {
  const m = new Map<string, CueRow>();
  for (const [k, v] of rows) if (!m.has(k)) m.set(k, v);
  return m;
}

/** Verbs whose every use is reporting in news text: accepted whatever part of speech the tagger gives them. */
export const ALWAYS_CUES = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'wrote', 'argued', 'noted', 'tweeted', 'insisted', 'acknowledged']);

/** Cue phrases that are not verbs: according to X. */
export const ACCORDING_TO = ['according', 'to'] as const;
