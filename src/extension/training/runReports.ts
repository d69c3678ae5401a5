/**
 * What a finished run's delivery looked like from the host: messages the panel's webview accepted, errors it
 * reported, worker exits and timings. Logged for every run, and kept for the last few runs so the test API command
 * `seqlab._runReport` can answer for them; the train command's result holds only what a caller needs.
 */
import * as vscode from 'vscode';

export interface RunReport {
  /** Messages the panel's webview accepted, by type. */
  delivered: Record<string, number>;
  /** Script errors and CSP violations the webview reported. */
  webviewErrors: string[];
  /** Worker threads that have exited so far. */
  workerExits: number;
  /** Milliseconds from the command to: the panel's webview ready, and the first epoch's end (when they happened). */
  timings: { webviewReadyMs?: number; firstEpochMs?: number };
}

/** Enough for a test that starts a few runs at once; older reports are dropped. */
const KEPT = 20;

export class RunReports {
  private readonly reports = new Map<string, RunReport>();

  add(runId: string, report: RunReport): void {
    this.reports.set(runId, report);
    for (const old of this.reports.keys()) {
      if (this.reports.size <= KEPT) break;
      this.reports.delete(old);
    }
  }

  get(runId: string): RunReport | undefined {
    return this.reports.get(runId);
  }

  /** Hidden from the palette (the leading underscore); it only reads what the host already logged. */
  register(): vscode.Disposable {
    return vscode.commands.registerCommand('seqlab._runReport', (runId: unknown) =>
      typeof runId === 'string' ? this.get(runId) : undefined,
    );
  }
}
