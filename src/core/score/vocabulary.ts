/** Words known to a question (or to the whole lexicon), indexed for typo repair by first letter. */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly buckets = new Map<string, string[]>();

  has(word: string): boolean {
    return this.words.has(word);
  }

  hasStem(stem: string): boolean {
    return this.stems.has(stem);
  }

  /** Adds a word; returns false when it was known already. */
  add(word: string, stem: string): boolean {
    if (this.words.has(word)) return false;
    this.words.add(word);
    this.stems.add(stem);
    const first = word.charAt(0);
    const bucket = this.buckets.get(first);
    if (bucket) bucket.push(word);
    else this.buckets.set(first, [word]);
    return true;
  }

  /** Known words with the same first letter whose length is within `slack` of `length`. */
  candidates(first: string, length: number, minLength: number, slack: number): string[] {
    return (this.buckets.get(first) ?? []).filter((c) => c.length >= minLength && Math.abs(c.length - length) <= slack);
  }
}
