// Types for results.mjs, so the TypeScript unit tests can import it strictly.
export interface Counts {
  passes: number;
  failures: number;
  pending: number;
}
export interface Outcome {
  passed: number;
  failed: number;
  exitCode: number;
  reason?: string;
}
export declare const RESULT_TAG: string;
export declare const SUITE_START: string;
export declare function parseResultLine(line: string): Counts | undefined;
export declare function findResult(text: string): Counts | undefined;
export declare function parseSpecSummary(text: string): Counts | undefined;
export declare function decideOutcome(run: {
  exitCode: number | undefined;
  timedOut?: boolean;
  counts: Counts | undefined;
}): Outcome;
export declare function summaryLine(layers: Array<{ passed: number; failed: number }>): string;
