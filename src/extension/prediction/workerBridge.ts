/**
 * The only way prediction code reaches tfjs: requests to the training code's worker thread, so predict, probe and
 * training share one thread and the extension host never loads tfjs.
 */
import type { ModelPlace } from '../../model/store/paths';
import type { ForecastMessage, Predicted, Probed, WireSource } from '../../shared/protocol';
import type { WorkerClient } from '../training/workerClient';

/** Where a forecast is drawn: the model's training panel. */
export type ForecastSink = (key: { file: string; column: string }, message: ForecastMessage) => Promise<void>;

let worker: WorkerClient | undefined;
let forecastSink: ForecastSink | undefined;

/** Called once at activation with what the training code shares. */
export function connectWorkerBridge(client: WorkerClient, sink: ForecastSink): void {
  worker = client;
  forecastSink = sink;
}

function connected(): { worker: WorkerClient; forecastSink: ForecastSink } {
  if (!worker || !forecastSink) throw new Error('SeqLab is not activated yet');
  return { worker, forecastSink };
}

export function predictViaWorker(
  source: WireSource,
  place: ModelPlace,
  steps: number,
): Promise<Predicted> {
  return connected().worker.predict(source, place, steps);
}

export function probeViaWorker(source: WireSource, place: ModelPlace, start?: number): Promise<Probed> {
  return connected().worker.probe(source, place, start);
}

/** Draws a forecast in the model's training panel. */
export function showInPanel(key: { file: string; column: string }, message: ForecastMessage): Promise<void> {
  return connected().forecastSink(key, message);
}
