/**
 * The panel's views of one series of a global run: from the live weights while it trains (the series the panel
 * selected, else its first), and from the saved model once it is done (read the way it was trained).
 */
import { loadModel, readModelPanel, savedSeriesViews, seriesHidden, seriesTrace } from '../model';
import type { GlobalEpochView } from '../model';
import type { SeriesViewed, ViewSeriesRequest } from '../shared/protocol';
import { errorText } from '../shared/errorText';
import { MAX_TRACE_POINTS, type PanelViews } from './traces';

/** Views of series `name` with the run's current weights (its first series when `name` is not one it trains on). */
export function liveSeriesViews(view: GlobalEpochView, name?: string): PanelViews & { series: string } {
  const k = view.kept.find((s) => s.name === name) ?? view.kept[0];
  const net = view.model.net;
  return {
    series: k.name,
    validationTrace: () => seriesTrace(net, k.series, k.block, view.shape, MAX_TRACE_POINTS),
    hidden: (start) => seriesHidden(net, k.series, k.block, view.shape, start),
  };
}

/** ViewSeries for a run still training: undefined views until its first epoch (later views follow the selection). */
export function viewLiveSeries(runId: string, name: string, view?: GlobalEpochView): SeriesViewed {
  if (!view) return { type: 'seriesViewed', runId, series: name };
  if (!view.kept.some((s) => s.name === name))
    return {
      type: 'seriesViewed',
      runId,
      series: name,
      message: `series "${name}" is not trained in this run`,
    };
  const v = liveSeriesViews(view, name);
  return { type: 'seriesViewed', runId, series: name, trace: v.validationTrace(), states: v.hidden() };
}

/** ViewSeries for a finished run: its saved model on the file as it is now; a message when either cannot be read. */
export async function viewSavedSeries(req: ViewSeriesRequest): Promise<SeriesViewed> {
  const { runId, series } = req;
  try {
    const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
    try {
      const panel = await readModelPanel(req.source, model.meta, { series });
      const s = panel.series.find((p) => (p.label ?? model.meta.column) === series);
      if (!s) return { type: 'seriesViewed', runId, series, message: `no series "${series}" in the file` };
      return { type: 'seriesViewed', runId, series, ...savedSeriesViews(model, s, MAX_TRACE_POINTS) };
    } finally {
      model.dispose();
    }
  } catch (e) {
    return { type: 'seriesViewed', runId, series, message: errorText(e) };
  }
}
