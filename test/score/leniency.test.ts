import { beforeAll, describe, expect, it } from 'vitest';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { bankQuestions, leniency, type LeniencyReport } from '../eval/leniency.js';
import { scoringSetup } from '../helpers/scoring.js';

/**
 * Questions of different topics whose excellent samples answer the same scenario, so one really
 * earns a pass on the other: each side's rubric names the other's mechanism as one of its own
 * concepts. They are the only cross-topic passes allowed; any other is leniency.
 */
const OVERLAPPING = new Set([
  // Hedging is a fix for fan-out tail latency, and the fan-out question asks for fixes.
  'performance-tail-latency-fanout-L4-001 against resilience-hedged-requests-L5-001',
  // Both are a service past capacity: Little's Law, queues that grow, shedding load.
  'performance-overload-littles-law-L4-001 against resilience-backpressure-bounded-queues-L3-001',
  'resilience-backpressure-bounded-queues-L3-001 against performance-overload-littles-law-L4-001',
  // Scaling on queue depth and shedding load is half the overload question's answer.
  'scalability-autoscaling-mixed-workloads-L5-001 against performance-overload-littles-law-L4-001',
  // Both move slow work to a queue and a consumer fleet.
  'resilience-queue-load-levelling-L4-001 against performance-async-processing-L4-001',
  // Both split CPU-bound from IO-bound work and scale each on its own signal.
  'scalability-autoscaling-mixed-workloads-L5-001 against performance-cpu-vs-io-bound-L3-001',
]);

let questions: SubjectiveQuestion[];
let report: LeniencyReport;
beforeAll(async () => {
  questions = await bankQuestions();
  report = leniency(questions, await scoringSetup());
});

describe('the leniency control: each rubric against the other questions\' excellent samples', () => {
  it('scores every pair of bank questions', () => {
    const n = questions.length;
    expect(n).toBeGreaterThanOrEqual(40);
    expect(report.otherTopic.count + report.sameTopic.count).toBe(n * (n - 1));
  });

  it('passes no sample of another topic, but the named overlapping pairs', () => {
    expect(report.otherTopic.passes.filter((pass) => !OVERLAPPING.has(pass))).toEqual([]);
  });

  it('passes at most 10% of the samples of the same topic', () => {
    expect(report.sameTopic.share).toBeLessThanOrEqual(0.1);
  });

  it('gives other-topic samples a mean under 10', () => {
    expect(report.otherTopic.mean).toBeLessThan(10);
  });
});
