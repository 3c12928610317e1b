/** A trie over word sequences: finds the longest known phrase starting at a position. */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map() };

  /** Whether nothing was inserted. */
  get empty(): boolean {
    return this.root.children.size === 0;
  }

  insert(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      let next = node.children.get(word);
      if (!next) {
        next = { children: new Map() };
        node.children.set(word, next);
      }
      node = next;
    }
    node.value = value;
  }

  /** The longest phrase starting at `from` in `words` (by `wordAt`), as its value and length. */
  longestAt(length: number, from: number, wordAt: (index: number) => string | undefined): { value: T; length: number } | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: { value: T; length: number } | undefined;
    for (let i = from; i < length && node; i++) {
      const word = wordAt(i);
      if (word === undefined) break;
      node = node.children.get(word);
      if (node?.value !== undefined) best = { value: node.value, length: i - from + 1 };
    }
    return best;
  }
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  value?: T;
}
