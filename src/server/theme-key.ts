/**
 * A section heading reduced to the theme it names, so that "(1) 海上交通路の安全" in one document and
 * "海上交通路の安全" in another fall into one column of the matrix: NFKC, numbering at the start removed,
 * spaces folded, case folded. Pure and dependency-free: the server groups by it and the browser filters by it.
 *
 * @example
 * themeKey('（２）同盟の限界'); // '同盟の限界'
 */
export function themeKey(heading: string | null): string {
  if (!heading) return '';
  return heading
    .normalize('NFKC')
    .replace(/^\s*(?:\(\s*(?:\d+|[ivx]+|[一二三四五六七八九十]+)\s*\)|第\s*[\d一二三四五六七八九十]+\s*[章節部]|\d+(?:\.\d+)+\.?|(?:\d+|[ivx]+|[一二三四五六七八九十]+)\s*[.、．)])\s*/iu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
