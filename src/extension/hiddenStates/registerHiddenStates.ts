/** Registers the Hidden States view: it probes through the shared worker and follows runs through training's events. */
import * as vscode from 'vscode';
import { pickModel } from '../models/modelCommands';
import { isRecord } from '../../shared/validate';
import type { WorkerClient } from '../training/workerClient';
import { HIDDEN_STATES_VIEW, HiddenStatesView, type LiveTraining } from './hiddenStatesView';

export function registerHiddenStates(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  worker: Pick<WorkerClient, 'probe' | 'explain'>,
  training: LiveTraining,
): HiddenStatesView {
  const view = new HiddenStatesView(context.extensionUri, log, worker);
  view.followRunsFrom(training);
  context.subscriptions.push(
    view,
    vscode.window.registerWebviewViewProvider(HIDDEN_STATES_VIEW, view),
    // A run just created may be the model shown (or the first one at all, which has no Models entry yet).
    training.onEvent((e) => e.kind === 'queued' && view.followNewRun(e.run)),
    // Not in the palette: shows a model in the view and resolves when the webview has drawn it.
    vscode.commands.registerCommand('seqlab.hiddenStates.showModel', async (arg: unknown) => {
      const model = await pickModel(arg);
      if (!model) return undefined;
      await vscode.commands.executeCommand('seqlab.hiddenStates.focus');
      const drawn = view.nextRender();
      await view.showModel(model);
      // 'training' when the view follows a live run of this model, 'done' for a saved model's states.
      const state = view.current?.state;
      if (state === 'error') throw new Error(view.current?.message);
      return { ...(await drawn), state };
    }),
    // Not in the palette either: one series of a global model ({ dir, series }), resolving with what the view drew
    // and the explain report it got, so tests can hold the view to `seqlab explain --series`.
    vscode.commands.registerCommand('seqlab.hiddenStates.showSeries', async (arg: unknown) => {
      const model = await pickModel(arg);
      if (!model) return undefined;
      const series = isRecord(arg) && typeof arg.series === 'string' ? arg.series : undefined;
      await vscode.commands.executeCommand('seqlab.hiddenStates.focus');
      const drawn = view.nextRender();
      await view.showModel(model, undefined, series);
      const shown = view.current;
      if (shown?.state === 'error') throw new Error(shown.message);
      return {
        ...(await drawn),
        state: shown?.state,
        series: shown?.series,
        seriesNames: shown?.seriesNames,
        start: shown?.states?.start,
        explained: await view.explained(),
      };
    }),
  );
  return view;
}
