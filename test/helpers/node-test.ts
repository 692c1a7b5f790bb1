import { stripVTControlCharacters } from 'node:util';

export interface NodeTestTotals {
  tests: number;
  pass: number;
  fail: number;
}

/**
 * The totals at the end of a `node --test` run, whichever reporter Node.js chose: TAP (`# fail 0`) when output is
 * not a terminal on Node.js 20 and 22, spec (`ℹ fail 0`) everywhere from Node.js 23. Undefined when there are none.
 */
export function nodeTestTotals(output: string): NodeTestTotals | undefined {
  const totals: Partial<NodeTestTotals> = {};
  for (const [, name, count] of stripVTControlCharacters(output).matchAll(/^(?:#|ℹ) (tests|pass|fail) (\d+)$/gm)) {
    totals[name as keyof NodeTestTotals] = Number(count);
  }
  const { tests, pass, fail } = totals;
  return tests === undefined || pass === undefined || fail === undefined ? undefined : { tests, pass, fail };
}

/** Whether a copy's `npm test` output shows tests that ran and none that failed. */
export const nodeTestsPassed = (output: string): boolean => {
  const totals = nodeTestTotals(output);
  return totals !== undefined && totals.fail === 0 && totals.pass > 0;
};
