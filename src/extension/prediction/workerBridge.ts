/**
 * The only way prediction code reaches tfjs: requests to the worker thread. The extension host never loads tfjs.
 * Shares the training code's WorkerClient when it hands one over, else keeps its own (created lazily, and the client
 * terminates the thread as soon as nothing is pending).
 */
import * as vscode from 'vscode';
import type { ForecastMessage, Predicted, Probed, WireSource } from '../../shared/protocol';
import { WorkerClient } from '../training/workerClient';

let shared: WorkerClient | undefined;
let own: WorkerClient | undefined;

/** The training code may call this so predict, probe and training share one worker thread. */
export function useWorkerClient(client: WorkerClient): void {
  shared = client;
}

export function initWorkerBridge(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push({
    dispose: () => {
      own?.dispose();
      own = undefined;
    },
  });
  workerPath = context.asAbsolutePath('dist/worker.js');
  logger = log;
}

let workerPath = '';
let logger: vscode.LogOutputChannel | undefined;

function client(): WorkerClient {
  if (shared) return shared;
  own ??= new WorkerClient(workerPath, (level, line) => logger?.[level](line));
  return own;
}

export function predictViaWorker(source: WireSource, modelDir: vscode.Uri, steps: number): Promise<Predicted> {
  return client().predict(source, modelDir.fsPath, steps);
}

export function probeViaWorker(source: WireSource, modelDir: vscode.Uri, start?: number): Promise<Probed> {
  return client().probe(source, modelDir.fsPath, start);
}

/** Where a forecast is drawn: the training panel, when the training code offers a direct way in. */
export type ForecastSink = (key: { file: string; column: string }, message: ForecastMessage) => unknown;
let forecastSink: ForecastSink | undefined;

export function useForecastSink(sink: ForecastSink): void {
  forecastSink = sink;
}

/** Draws a forecast in the model's training panel: through the sink if there is one, else through seqlab.showPanel. */
export async function showInPanel(key: { file: string; column: string }, message: ForecastMessage): Promise<void> {
  if (forecastSink) await forecastSink(key, message);
  else await vscode.commands.executeCommand('seqlab.showPanel', { ...key, forecast: message });
}
