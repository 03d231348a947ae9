/**
 * Validators of the official schemas, read at test time from ../shared/schemas (never copied into the
 * project): STIX 2.1 (JSON Schema 2020-12, every object against the schema of its type), W3C Web Annotation
 * (the working group's draft-04 test assertions: every MUST), CSL-JSON (draft-07), and the REFI-QDA and
 * GraphML XSDs through xmllint (Debian's libxml2-utils).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCHEMAS = process.env.MIKATA_SCHEMAS ?? join(root, '..', 'shared', 'schemas');
export const schemasMissing = existsSync(join(SCHEMAS, 'stix2.1')) ? false : `the official schemas are not at ${SCHEMAS} (set MIKATA_SCHEMAS)`;

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

type Check = (value: unknown) => string[];
const errorsOf = (v: { errors?: unknown[] | null }) => (v.errors ?? []).map((e) => JSON.stringify(e)).slice(0, 5);

let stix: { bundle: Check; object: Check } | null = null;
export function stixValidator(): { bundle: Check; object: Check } {
  if (stix) return stix;
  // unicodeRegExp: false because four OASIS patterns hold `\-`, which a `u` regex refuses (see shared/schemas/README.md).
  const ajv = new Ajv2020.default({ strict: false, unicodeRegExp: false, allErrors: false });
  addFormats.default(ajv);
  for (const f of [...jsonFiles(join(SCHEMAS, 'stix2.1')), ...jsonFiles(join(SCHEMAS, 'local'))]) ajv.addSchema(readJson(f));
  const bundle = ajv.getSchema('urn:x-mikata:schema:stix2.1-bundle-by-type')!;
  const byType = new Map<string, ReturnType<typeof ajv.getSchema>>();
  for (const dir of ['sdos', 'sros', 'common']) {
    for (const f of jsonFiles(join(SCHEMAS, 'stix2.1', dir))) byType.set(f.split('/').at(-1)!.replace(/\.json$/, ''), ajv.getSchema(readJson(f).$id as string));
  }
  stix = {
    bundle: (v) => (bundle(v) ? [] : errorsOf(bundle)),
    object: (v) => {
      const type = (v as { type: string }).type;
      const check = byType.get(type);
      if (!check) return [`no OASIS schema for type ${type}`];
      return check(v) ? [] : errorsOf(check);
    },
  };
  return stix;
}

let w3c: { annotation: Check; collection: Check; page: Check } | null = null;
export function webAnnotationValidator(): { annotation: Check; collection: Check; page: Check } {
  if (w3c) return w3c;
  const base = join(SCHEMAS, 'web-annotation', 'test-schemas');
  const ajv = new AjvDraft04.default({ strict: false, allErrors: false });
  addFormats.default(ajv);
  for (const f of readdirSync(join(base, 'definitions'))) ajv.addSchema(readJson(join(base, 'definitions', f)));
  const suite = (manifest: string): Check => {
    const checks = (readJson(join(base, manifest)).assertions as string[]).map((a) => ({ a, check: ajv.compile(readJson(join(base, a))) }));
    return (v) => checks.flatMap(({ a, check }) => (check(v) ? [] : [`${a}: ${errorsOf(check).join('; ')}`]));
  };
  w3c = { annotation: suite('annotations/annotationMusts.test'), collection: suite('collections/collectionMusts.test'), page: suite('collections/pages/pageMusts.test') };
  return w3c;
}

let csl: Check | null = null;
export function cslValidator(): Check {
  if (csl) return csl;
  const ajv = new Ajv.default({ strict: false, allErrors: false });
  addFormats.default(ajv);
  const check = ajv.compile(readJson(join(SCHEMAS, 'csl', 'csl-data.json')));
  csl = (v) => (check(v) ? [] : errorsOf(check));
  return csl;
}

/** Validates XML against an XSD with xmllint; returns its complaints (empty when valid). */
export function xsdErrors(xml: string | Uint8Array, xsd: string, env: Record<string, string> = {}): string[] {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], { input: xml, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    return [];
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error('xmllint is not installed (apt-get install libxml2-utils)');
    return (err.stderr?.toString() ?? String(e)).split('\n').filter((l) => l && !/validates$/.test(l)).slice(0, 8);
  }
}

export const REFI_QDA_XSD = () => join(SCHEMAS, 'refi-qda', 'Project-mrt2019.xsd');
export const graphmlErrors = (xml: string) => xsdErrors(xml, join(SCHEMAS, 'graphml', '1.0', 'graphml.xsd'), { XML_CATALOG_FILES: join(SCHEMAS, 'graphml', 'catalog.xml') });
