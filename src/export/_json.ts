/**
 * JSON with one element of a large array per line: as valid as any JSON, readable with grep and diff, and
 * half the size of indented JSON for exports of tens of thousands of objects.
 */
export function jsonLines(value: Record<string, unknown>, arrayKey: string): string {
  const { [arrayKey]: list, ...head } = value;
  if (!Array.isArray(list) || list.length === 0) return `${JSON.stringify(value)}\n`;
  const open = JSON.stringify(head);
  const prefix = open === '{}' ? '{' : `${open.slice(0, -1)},`;
  return `${prefix}${JSON.stringify(arrayKey)}:[\n${list.map((x) => JSON.stringify(x)).join(',\n')}\n]}\n`;
}
