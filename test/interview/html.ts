import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements of a parse5 tree, depth first. */
export function elements(node: Node): Element[] {
  const own = 'tagName' in node ? [node as Element] : [];
  const children = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  const content = 'content' in node && node.content ? [node.content as Node] : [];
  return [...own, ...[...children, ...content].flatMap(elements)];
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? (node.childNodes as Node[]).map(textOf).join('') : '';
}

/** An attribute's value. */
export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

