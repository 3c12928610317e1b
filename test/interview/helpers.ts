import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InterviewBlock, InterviewEffect } from '../../src/core/interview/blocks.js';
import type { PlannedQuestion } from '../../src/core/interview/context.js';
import type { SessionMeta, SessionRecord } from '../../src/core/interview/records.js';
import { InterviewMachine, type InterviewProgress } from '../../src/core/interview/session.js';
import { compileRubric } from '../../src/core/score/compile.js';
import type { Ask, Input } from '../../src/core/session/interaction.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { scoringSetup, subjectiveFrom } from '../helpers/scoring.js';

export const OUTPUT_RULE = 'fixture-output-rule-L3-001';
export const LITTLES_LAW = 'fixture-littles-law-L3-001';
export const INTERVIEW_FIXTURES = path.join(FIXTURES, 'interview');

/** A temporary bank with the two subjective fixtures, a temporary QBANK_HOME, and the plan. */
export function workspace(): { root: string; bank: string; home: string; plan: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qbank-interview-'));
  const bank = path.join(root, 'bank');
  const home = path.join(root, 'home');
  mkdirSync(bank);
  mkdirSync(home);
  copyFileSync(path.join(FIXTURES, 'output-rule.md'), path.join(bank, 'output-rule.md'));
  copyFileSync(path.join(FIXTURES, 'valid-subjective.md'), path.join(bank, 'littles-law.md'));
  const plan = path.join(root, 'plan.yaml');
  copyFileSync(path.join(INTERVIEW_FIXTURES, 'plan.yaml'), plan);
  return { root, bank, home, plan, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The records of a session log file. */
export function records(file: string): SessionRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SessionRecord);
}

export async function planned(): Promise<PlannedQuestion[]> {
  const { lexicon, config } = await scoringSetup();
  return [fixture('output-rule.md'), fixture('valid-subjective.md')].map((text) => {
    const question = subjectiveFrom(text);
    return { question, rubric: compileRubric(question, lexicon, config) };
  });
}

export const T0 = new Date('2026-03-02T10:00:00Z');

export function meta(overrides: Partial<SessionMeta> = {}): SessionMeta {
  return { id: 's1', candidate: 'Ana Lima', interviewer: 'Bo', targetLevel: 'L3', questions: [OUTPUT_RULE, LITTLES_LAW], totalMinutes: 30, startedAt: T0.toISOString(), bank: [], ...overrides };
}

/** Runs a machine to its end, answering each Ask with `answer`; the clock moves 30 s per step. */
export function drive(machine: InterviewMachine, answer: (ask: Ask) => Input) {
  const asks: Ask[] = [];
  const blocks: InterviewBlock[] = [];
  const effects: InterviewEffect[] = [];
  let tick = 0;
  const now = () => new Date(T0.getTime() + 30_000 * tick++);
  let step = machine.start(now());
  for (let i = 0; i < 100; i += 1) {
    effects.push(...step.effects);
    blocks.push(...step.blocks);
    if (!step.ask) return { asks, blocks, effects };
    asks.push(step.ask);
    step = machine.handle(answer(step.ask), now());
  }
  throw new Error('the session did not end within 100 steps');
}

export async function machine(progress: InterviewProgress = { outcomes: new Map() }, overrides: Partial<SessionMeta> = {}) {
  return new InterviewMachine(meta(overrides), await planned(), progress);
}

/** Accepts every default: the scorer's ticks, the suggested follow-up, the computed band. */
export function defaults(ask: Ask): Input {
  switch (ask.kind) {
    case 'checklist':
      return { kind: 'checklist', values: ask.items.filter((i) => i.checked).map((i) => i.value) };
    case 'choice':
      return { kind: 'choice', value: ask.default };
    case 'confirm':
      return { kind: 'confirm', value: ask.default };
    default:
      return { kind: 'text', text: '' };
  }
}
