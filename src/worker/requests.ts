/** Predict and Probe: answered as requests, each on a saved model and the data as it is now. */
import { readSeries } from '../model/data';
import { forecast, loadModel, probeHidden, setBackend } from '../model';
import { FromWorker, type PredictRequest, type Predicted, type ProbeRequest, type Probed } from '../shared/protocol';

export async function predict(req: PredictRequest): Promise<Predicted> {
  await setBackend('auto');
  const model = await loadModel(req.modelDir);
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
    return { type: FromWorker.Predicted, column: model.meta.column, forecast: forecast(model, series, req.steps) };
  } finally {
    model.dispose();
  }
}

export async function probe(req: ProbeRequest): Promise<Probed> {
  await setBackend('auto');
  const model = await loadModel(req.modelDir);
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
    return {
      type: FromWorker.Probed,
      states: probeHidden(model, series, req.start),
      seriesLength: series.values.length,
      window: model.meta.window,
    };
  } finally {
    model.dispose();
  }
}
