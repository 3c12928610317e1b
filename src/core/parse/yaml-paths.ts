import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';

/**
 * Where a path of keys is in a parsed YAML document, as offsets: a mapping's key through the
 * end of its value (an editor points at the key), or a list item. When the path does not exist
 * in full (a missing key), its deepest part that does; undefined when none does.
 */
export function yamlPathRange(document: Document.Parsed, path: readonly PropertyKey[]): [number, number] | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const found = rangeAt(document, path.slice(0, depth));
    if (found) return found;
  }
  return undefined;
}

function rangeAt(document: Document.Parsed, path: readonly PropertyKey[]): [number, number] | undefined {
  const last = path[path.length - 1];
  const parent = path.length === 1 ? document.contents : (document.getIn(path.slice(0, -1) as unknown[], true) as Node | undefined);
  if (isMap(parent)) {
    for (const item of parent.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(last) && item.key.range) {
        const value = item.value as Node | null;
        return [item.key.range[0], value?.range ? value.range[1] : item.key.range[1]];
      }
    }
    return undefined;
  }
  const node = document.getIn(path as unknown[], true) as Node | undefined;
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}
