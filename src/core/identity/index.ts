/** Identity: one person under every spelling and script. Pure functions; the corpus store calls them. */
export { cyrillicToLatin, hiraganaToKatakana, katakanaToLatinKeys, latinToKey, skeletonOf } from './transliterate.ts';
export { detectTokenScript, parseName, type Forename, type ParsedName, type Script } from './names.ts';
export { keyDistance, keySimilarity } from './key-similarity.ts';
export {
  MAYBE_THRESHOLD,
  SAME_THRESHOLD,
  compareNames,
  createIdentityIndex,
  findByName,
  matchIdentity,
  nameFormsContradict,
  organizationsAgree,
  type IdentityIndex,
  type IdentityRecord,
  type MatchResult,
} from './match.ts';
export { MAX_ACTIVE_YEARS, datesConflict, isFormerPost, postFamily, postsConflict, type PostFamily } from './posts.ts';
