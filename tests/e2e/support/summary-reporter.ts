import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one plain closing line ("e2e: N passed, N failed, N skipped") that CI logs can be read by, after the
 * reason of each skip (a lane that needs something this machine lacks says what).
 */
export default class SummaryReporter implements Reporter {
  private counts = { passed: 0, failed: 0, skipped: 0 };
  private reasons = new Set<string>();

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed') this.counts.passed++;
    else if (result.status === 'skipped') {
      this.counts.skipped++;
      for (const note of test.annotations)
        if (note.type === 'skip' && note.description) this.reasons.add(note.description);
    } else this.counts.failed++;
  }

  onEnd(_result: FullResult) {
    const { passed, failed, skipped } = this.counts;
    for (const reason of this.reasons) console.log(`skipped: ${reason}`);
    console.log(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
