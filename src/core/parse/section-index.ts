import type { RawSection } from './sections.js';

/** Sections by key; the first occurrence of a duplicated key wins. */
export class SectionIndex {
  private readonly byKey = new Map<string, RawSection>();

  constructor(readonly sections: readonly RawSection[]) {
    for (const raw of sections) {
      if (!this.byKey.has(raw.section.key)) this.byKey.set(raw.section.key, raw);
    }
  }

  get(key: string): RawSection | undefined {
    return this.byKey.get(key);
  }
}
