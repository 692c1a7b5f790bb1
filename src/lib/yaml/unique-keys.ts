import { isMap, isNode, isPair, isScalar, isSeq, YAMLParseError, type Document } from 'yaml';

/**
 * The keys of a mapping written twice, as the parser's own check (`uniqueKeys: true`) reports them, in one pass:
 * the parser compares each key with every earlier key of its mapping, and 40,000 keys took minutes. Keys are equal
 * as the parser has them equal: the same node, or scalars with the same value.
 */
export function duplicateKeys(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as unknown;
        const id = isScalar(key) ? key.value : key;
        // NaN is not equal to itself for the parser either.
        if (typeof id === 'number' && Number.isNaN(id)) continue;
        if (!seen.has(id)) {
          seen.add(id);
          continue;
        }
        const start = (isNode(key) ? key.range?.[0] : undefined) ?? node.range?.[0] ?? 0;
        errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
      for (const pair of node.items) walk(pair);
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return errors;
}

/** The parser's errors and the duplicate keys together, in the order they occur in the text. */
export function parseErrors(doc: Document): YAMLParseError[] {
  const errors = [...doc.errors, ...duplicateKeys(doc)];
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
