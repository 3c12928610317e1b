import type { LintDiagnostic } from './rule.js';

/**
 * Findings of one rule kept for one file; the rest are counted and summed up in one finding.
 * A hostile file can hold hundreds of thousands of one mistake (a stray quote on every line):
 * listing them all helps no one, and costs memory and output in proportion.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** Counts findings per rule as they come, and says which to keep. */
export class FindingsCap {
  private readonly counts = new Map<string, number>();
  private readonly firstDropped = new Map<string, LintDiagnostic>();

  constructor(private readonly max = MAX_FINDINGS_PER_RULE) {}

  /** Counts one finding of `ruleId`; true while the rule is within its cap. */
  admit(ruleId: string): boolean {
    const count = (this.counts.get(ruleId) ?? 0) + 1;
    this.counts.set(ruleId, count);
    return count <= this.max;
  }

  /** Whether the first finding past the cap still has to be given (`drop` it then). */
  wantsDropped(ruleId: string): boolean {
    return !this.firstDropped.has(ruleId);
  }

  /** Records the first finding past a rule's cap: the summary is put where it is. */
  drop(diagnostic: LintDiagnostic): void {
    if (!this.firstDropped.has(diagnostic.ruleId)) this.firstDropped.set(diagnostic.ruleId, diagnostic);
  }

  /** One finding per rule past its cap: "… and N more", where the first left out is. */
  summaries(): LintDiagnostic[] {
    const out: LintDiagnostic[] = [];
    for (const [ruleId, first] of this.firstDropped) {
      const more = (this.counts.get(ruleId) ?? 0) - this.max;
      const { fix: _fix, ...rest } = first;
      out.push({
        ...rest,
        message: `… and ${more.toLocaleString('en')} more ${ruleId} finding${more === 1 ? '' : 's'} in this file (qbank lists the first ${this.max} of a rule); fix these and lint again`,
      });
    }
    return out;
  }
}
