// The accuracy targets of issue 3, on the labelled set: a test that fails when detection regresses.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadLabelled } from '../../src/eval/labelled.js';
import { evaluateSet } from '../../src/eval/metrics.js';
import { TARGETS } from '../../src/eval/run.js';
import { shippedScanner } from '../helpers/engine.js';
import { FIXTURES } from '../helpers/cli.js';

describe('accuracy on fixtures/labelled', () => {
  it('meets precision >= 0.95 and recall >= 0.90 on post verdicts', async () => {
    const set = loadLabelled(path.join(FIXTURES, 'labelled'));
    expect(set.length).toBeGreaterThanOrEqual(400);
    const hardNegatives = set.filter((p) => p.label.verdict !== 'violation').length / set.length;
    expect(hardNegatives).toBeGreaterThanOrEqual(0.4);
    const r = evaluateSet(await shippedScanner(), set);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(r.attribution.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
