import { PhraseTrie } from './phrase-trie.js';

/** How a phrase reads after tokenising: its words (for typo repair) and their stems (for matching). */
export interface PhraseForms {
  words: string[];
  stems: string[];
}

/**
 * Groups of phrases that mean the same, compiled into a trie from stem sequences to one id per
 * group (`=round_trip_time`). Groups that share a phrase are merged. A table built over a `base`
 * (the bank lexicon) reuses the base's id for any phrase the base already knows, so a question's
 * aliases extend a lexicon group instead of splitting it.
 */
export class SynonymTable {
  readonly trie = new PhraseTrie<string>();
  /** Every word of every phrase. */
  readonly words = new Set<string>();
  private readonly ids = new Map<string, string>();

  constructor(groups: readonly (readonly string[])[], forms: (phrase: string) => PhraseForms, base?: SynonymTable) {
    const parent = new Map<string, string>();
    const find = (key: string): string => {
      let root = key;
      while (parent.get(root) !== root) root = parent.get(root) ?? root;
      parent.set(key, root);
      return root;
    };
    const phrases = groups.map((group) => group.map((phrase) => ({ phrase, ...forms(phrase) })).filter((p) => p.stems.length > 0));
    for (const group of phrases) {
      for (const { stems } of group) if (!parent.has(stems.join(' '))) parent.set(stems.join(' '), stems.join(' '));
      const first = group[0];
      if (!first) continue;
      for (const { stems } of group.slice(1)) {
        const a = find(first.stems.join(' '));
        const b = find(stems.join(' '));
        if (a !== b) parent.set(b, a);
      }
    }
    // A component takes the base's id when the base knows one of its phrases.
    const componentId = new Map<string, string>();
    for (const key of parent.keys()) {
      const known = base?.idOf(key);
      if (known !== undefined) componentId.set(find(key), known);
    }
    for (const group of phrases) {
      for (const { stems, words } of group) {
        const key = stems.join(' ');
        const root = find(key);
        const id = componentId.get(root) ?? `=${root.replace(/ /g, '_')}`;
        this.ids.set(key, id);
        this.trie.insert(stems, id);
        for (const word of words) this.words.add(word);
        // `round trip` also matches `roundtrip`.
        if (stems.length > 1) this.trie.insert([forms(words.join('')).stems.join('')], id);
      }
    }
  }

  /** The id of a phrase given as its stems joined by spaces, if the table knows it. */
  idOf(key: string): string | undefined {
    return this.ids.get(key);
  }
}
