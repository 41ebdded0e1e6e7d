/**
 * Front matter as Jekyll reads it, and written back the way the site writes it.
 *
 * Jekyll parses front matter with YAML 1.1 typing (`yes` and `on` are booleans),
 * so Duet reads and writes YAML 1.1 too, with one exception: timestamps stay the
 * strings they were written as (`date: 2020-02-23` stays "2020-02-23"), because a
 * JavaScript Date would lose the exact text and the site's time zone.
 *
 * Unchanged front matter is written back byte for byte; changed front matter is
 * written by editing the parsed document, so untouched keys keep their quoting,
 * comments and order.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode, type Tags } from 'yaml';
import type { FrontMatterEntry } from '../article/article';
import type { JsonValue } from '../article/layout';

const withoutTimestamps = (tags: Tags): Tags =>
  tags.filter((tag) => (typeof tag === 'string' ? tag !== 'timestamp' : tag.tag !== 'tag:yaml.org,2002:timestamp'));

const YAML_OPTIONS = { version: '1.1', customTags: withoutTimestamps, uniqueKeys: true } as const;
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

export class FrontMatterError extends Error {}

/** The entries of a YAML mapping, in file order. Throws FrontMatterError on anything else. */
export function parseFrontMatter(yamlText: string): FrontMatterEntry[] {
  const doc = parseDocument(yamlText, YAML_OPTIONS);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new FrontMatterError(`malformed front matter: ${first.message.split('\n')[0]}`);
  }
  if (doc.contents == null) return [];
  if (!isMap(doc.contents)) throw new FrontMatterError('malformed front matter: expected "key: value" lines');
  return doc.contents.items.map((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw new FrontMatterError('malformed front matter: every key must be a plain name');
    }
    return { key: String(key), value: toJson(pair.value) };
  });
}

function toJson(node: unknown): JsonValue {
  if (node == null) return null;
  const value: unknown = isScalar(node) || isMap(node) || isSeq(node) ? (node as YamlNode).toJSON() : node;
  return normalizeJson(value);
}

function normalizeJson(value: unknown): JsonValue {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(normalizeJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), normalizeJson(v)]));
  if (value instanceof Set) return [...value].map(normalizeJson);
  if (value instanceof Uint8Array) throw new FrontMatterError('binary values are not supported in front matter');
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalizeJson(v)]));
  }
  throw new FrontMatterError(`unsupported front-matter value ${String(value)}`);
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function entriesEqual(a: FrontMatterEntry[], b: FrontMatterEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.key === b[i]!.key && jsonEqual(entry.value, b[i]!.value));
}

/**
 * The YAML text (without fences, ending in a newline when not empty) for
 * `entries`: `originalYaml` itself when the entries are what it says, else
 * `originalYaml` edited, else a new document in the house style.
 */
export function serializeFrontMatter(entries: FrontMatterEntry[], originalYaml?: string | null): string {
  if (originalYaml != null) {
    let original: FrontMatterEntry[] | null;
    try {
      original = parseFrontMatter(originalYaml);
    } catch {
      original = null; // stored YAML no longer parses: write a new document
    }
    if (original && entriesEqual(original, entries)) return originalYaml;
    if (original) return editDocument(parseDocument(originalYaml, YAML_OPTIONS), entries);
  }
  return editDocument(new Document(new YAMLMap(), YAML_OPTIONS), entries);
}

function editDocument(doc: Document, entries: FrontMatterEntry[]): string {
  const map = isMap(doc.contents) ? doc.contents : new YAMLMap();
  doc.contents = map;
  const existing = new Map<string, (typeof map.items)[number]>();
  for (const pair of map.items) existing.set(String(isScalar(pair.key) ? pair.key.value : pair.key), pair);

  map.items = entries.map(({ key, value }) => {
    const pair = existing.get(key);
    if (pair && jsonEqual(toJson(pair.value), value)) return pair;
    const node = houseStyleNode(doc, key, value, pair?.value);
    if (pair) {
      pair.value = node;
      return pair;
    }
    return doc.createPair(key, node) as (typeof map.items)[number];
  });
  return map.items.length === 0 ? '' : doc.toString(TO_STRING);
}

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/;

/**
 * How the site writes a value: the title double-quoted and the blurb
 * single-quoted (always, on one line), categories as a flow list of
 * single-quoted names, a bare date, and anything else plain unless Jekyll's
 * YAML 1.1 would read it as something other than the string it is.
 */
function houseStyleNode(doc: Document, key: string, value: JsonValue, previous: unknown): YamlNode {
  if (typeof value === 'string') {
    const scalar = new Scalar(value);
    const previousType = isScalar(previous) ? previous.type : undefined;
    if (key === 'title') scalar.type = Scalar.QUOTE_DOUBLE;
    else if (key === 'blurb') scalar.type = Scalar.QUOTE_SINGLE;
    else if (key === 'date' && DATE_LIKE.test(value)) scalar.type = Scalar.PLAIN;
    else if (previousType && previousType !== Scalar.PLAIN && previousType !== Scalar.BLOCK_FOLDED) scalar.type = previousType;
    else if (needsQuotes(value)) scalar.type = value.includes("'") || /[\n\t\\]/.test(value) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    if (scalar.type === Scalar.QUOTE_SINGLE && /[\n\t]/.test(value)) scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = !value.some((item) => typeof item === 'object' && item !== null);
    seq.items = value.map((item) => {
      if (typeof item !== 'string') return doc.createNode(item);
      const scalar = new Scalar(item);
      scalar.type = item.includes("'") || /[\n\t\\]/.test(item) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      return scalar;
    });
    return seq;
  }
  return doc.createNode(value) as YamlNode;
}

/** Would this string, written plain, be read back as something else (or not at all)? */
function needsQuotes(value: string): boolean {
  if (value === '' || DATE_LIKE.test(value)) return true;
  const probe = new Document({ v: value }, YAML_OPTIONS).toString(TO_STRING);
  if (/^v: ['"]/.test(probe)) return true;
  const back = parseDocument(probe, YAML_OPTIONS).toJS() as { v?: unknown } | null;
  return back?.v !== value;
}
