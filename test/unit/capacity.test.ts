import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capacity, type UnitCosts } from '../../bench/capacity';

const inputs = JSON.parse(readFileSync(join(__dirname, '../../bench/capacity-inputs.json'), 'utf8'));

/** One kind of case whose events alone make a chosen number of actions a month. */
function model(actionsPerMonth: number) {
  const units: UnitCosts = {
    cpuPerStartMs: 10,
    cpuPerEventMs: 20,
    cpuPerReadMs: 5,
    workerKiBPerCachedCase: 200,
    dbKiBPerCase: 20,
    // One Update and nothing it causes, one run: every event is exactly one action.
    simulation: { years: 1, runs: 1, bytes: 0, byType: { WORKFLOW_EXECUTION_UPDATE_ACCEPTED: 1 } },
    sources: {},
  };
  const kinds = [
    {
      kind: 'course',
      label: 'x',
      openCases: 1000,
      newPerYear: 0,
      eventsPerYear: (actionsPerMonth * 12) / 1000,
      readsPerYear: 0,
    },
  ];
  return capacity({ ...inputs, kinds }, units);
}

describe('the capacity model', () => {
  it("prices actions by Temporal Cloud's published tiers: 11.25 M actions a month cost $525 (the pricing page's own example)", () => {
    expect(model(11_250_000).cloudUsdPerMonth.actions).toBeCloseTo(525, 6);
  });

  it('charges the Business plan its minimum of $500 until 10 % of usage is more', () => {
    expect(model(1_000_000).cloudUsdPerMonth.plan).toBe(500);
    expect(model(200_000_000).cloudUsdPerMonth.plan).toBeGreaterThan(500);
  });

  it('counts an event as its Update plus the timers, mails and upserts it causes in the simulated life', () => {
    const units: UnitCosts = {
      cpuPerStartMs: 0,
      cpuPerEventMs: 0,
      cpuPerReadMs: 0,
      workerKiBPerCachedCase: 0,
      dbKiBPerCase: 0,
      simulation: {
        years: 1,
        runs: 1,
        bytes: 0,
        byType: {
          WORKFLOW_EXECUTION_UPDATE_ACCEPTED: 10,
          TIMER_STARTED: 20,
          ACTIVITY_TASK_SCHEDULED: 5,
          UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: 15,
          TIMER_FIRED: 99,
        },
      },
      sources: {},
    };
    expect(capacity(inputs, units).actionsPerEvent).toBe(5);
  });
});
