/**
 * The "Hidden States" side view (WebviewViewProvider): h_t (and c_t) of the selected model for a window of its series.
 * The host keeps the last thing shown and replays it whenever the webview (re)loads or becomes visible again, so a
 * hidden-then-shown view is never blank. Training code pushes live states through update().
 */
import * as vscode from 'vscode';
import type { HiddenStates } from '../../model/types';
import { MessageHandler } from '../../shared/messageHandler';
import type {
  Explained,
  FromHiddenStatesMessage,
  RenderedMessage,
  RunState,
  ToHiddenStatesMessage,
} from '../../shared/protocol';
import { isFromHiddenStatesMessage } from '../../shared/protocolGuards';
import { listModels, type ModelEntry } from '../models/modelCatalog';
import { modelLabel } from '../models/modelsTree';
import type { RunInfo } from '../training/trainingEvents';
import type { WorkerClient } from '../training/workerClient';
import { sourceFor } from '../trust';
import { hiddenStatesHtml, hiddenStatesOptions, hiddenStatesStrings } from './hiddenStatesHtml';
import { errorText } from '../../shared/errorText';
import { ExplainBridge } from './explainBridge';
import { shapeOf, type LiveRun, type LiveTraining, type Rendered, type Shown } from './shownModel';

export type { LiveRun, LiveTraining, Rendered } from './shownModel';

export const HIDDEN_STATES_VIEW = 'seqlab.hiddenStates';

export class HiddenStatesView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private channel: MessageHandler<ToHiddenStatesMessage, FromHiddenStatesMessage> | undefined;
  private shown: Shown | undefined;
  private probeSeq = 0;
  private readonly renderWaiters = new Set<(r: Rendered) => void>();
  private liveRuns: LiveTraining | undefined;
  private following: { dispose(): void } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Saliency, unit meanings, matches and the trajectory of the saved model shown. */
  private readonly explainer: ExplainBridge;
  /** The explain request of the model shown last, while it runs. */
  private explaining: Promise<void> = Promise.resolve();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly worker: Pick<WorkerClient, 'probe' | 'explain'>,
  ) {
    this.explainer = new ExplainBridge(worker, (m) => this.post(m), log);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = hiddenStatesOptions(this.extensionUri);
    this.channel = new MessageHandler<ToHiddenStatesMessage, FromHiddenStatesMessage>({
      post: (envelope) => void view.webview.postMessage(envelope),
      validate: isFromHiddenStatesMessage,
      onEvent: (m) => this.onMessage(m),
      log: (line) => this.log.warn(`hidden states view: ${line}`),
    });
    view.webview.html = hiddenStatesHtml(view.webview, this.extensionUri, vscode.env.language);
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: unknown) => this.channel?.handleMessage(m)),
      view.onDidChangeVisibility(() => view.visible && this.replay()),
      view.onDidDispose(() => {
        // A view VS Code resolves again gets a new WebviewView; the old one's late dispose must not detach the new.
        if (this.view !== view) return;
        this.view = undefined;
        this.channel = undefined;
      }),
    );
  }

  /** Lets the view follow a model's run while it trains, through the training service's runs and events. */
  followRunsFrom(training: LiveTraining): void {
    this.liveRuns = training;
  }

  /**
   * Shows a saved model's hidden states for its most recent window (or the window starting at `start`), of `series`
   * for a global model (default: the one shown, else its first).
   */
  async showModel(model: ModelEntry, start?: number, series?: string): Promise<void> {
    const same = this.shown?.key === model.key ? this.shown : undefined;
    const wanted = series ?? same?.series;
    if (start === undefined && series === undefined && this.follow(model)) return;
    this.shown = {
      key: model.key,
      label: modelLabel(model),
      ...shapeOf(model),
      model,
      state: 'queued',
      seriesLength: same && same.series === wanted ? same.seriesLength : undefined,
      ...(wanted !== undefined && { series: wanted, seriesNames: same?.seriesNames }),
    };
    this.replay();
    const seq = ++this.probeSeq;
    try {
      const probed = await this.worker.probe(await sourceFor(model.data), model.place, start, false, wanted);
      if (seq !== this.probeSeq || this.shown?.key !== model.key) return;
      Object.assign(this.shown, {
        states: probed.states,
        seriesLength: probed.seriesLength,
        window: probed.window,
        state: 'done' as RunState,
        series: probed.series,
        seriesNames: probed.seriesNames,
      });
      this.shown.units = probed.states.units;
      this.shown.layers = probed.states.layers.length;
      this.explaining = this.explainer.refresh(model, probed.states.start, undefined, probed.series);
    } catch (e) {
      if (seq !== this.probeSeq || !this.shown) return;
      this.shown.state = 'error';
      this.shown.message = errorText(e);
      this.log.warn(`hidden states: ${this.shown.message}`);
    }
    this.replay();
  }

  /**
   * Live states from a training run (key = data URI + NUL + column, as the training code's keyOf makes it).
   * Shown when the view shows that model, or shows nothing yet.
   */
  update(key: string, states: HiddenStates, seriesLength?: number, label?: string): void {
    if (this.shown && this.shown.key !== key) return;
    const column = key.slice(key.indexOf('\u0000') + 1);
    this.shown = {
      ...(this.shown ?? { key, label: label ?? column, window: states.steps }),
      cell: states.cell,
      units: states.units,
      layers: states.layers.length,
      states,
      seriesLength: seriesLength ?? this.shown?.seriesLength,
      state: 'training',
      message: undefined,
    };
    this.post({ type: 'state', state: 'training' });
    this.post({ type: 'hidden', states, seriesLength: this.shown.seriesLength, label: this.shown.label });
  }

  /** If `model` is training right now, shows its live states and keeps them coming; true when it did. */
  private follow(model: ModelEntry): boolean {
    const run = this.liveRuns?.runFor({ file: model.data.toString(), column: model.column });
    if (!run || run.finished) {
      this.unfollow();
      return false;
    }
    this.attach(model.key, modelLabel(model), run, model);
    return true;
  }

  /** A run just started: shown when the view shows nothing yet or that same model (first trainings have no tree item). */
  followNewRun(info: RunInfo): void {
    const key = `${info.key.file}\u0000${info.key.column}`;
    const run = this.liveRuns?.runFor(info.key);
    if (!run || (this.shown && this.shown.key !== key)) return;
    this.attach(
      key,
      `${info.label.split('/').pop() ?? info.label} › ${info.key.column}`,
      run,
      this.shown?.model,
    );
  }

  private attach(key: string, label: string, run: LiveRun, model: ModelEntry | undefined): void {
    this.unfollow();
    const prev = this.shown?.key === key ? this.shown : undefined;
    this.shown = {
      key,
      label,
      cell: prev?.cell ?? 'gru',
      units: prev?.units ?? 0,
      layers: prev?.layers ?? 1,
      window: prev?.window ?? 0,
      model,
      state: 'training',
      seriesLength: prev?.seriesLength,
    };
    if (model) Object.assign(this.shown, shapeOf(model));
    this.replay();
    if (run.hidden) this.update(key, run.hidden);
    this.following = this.liveRuns?.onEvent((e) => {
      if (e.kind === 'hidden' && e.run.id === run.id) this.update(key, e.states);
      else if (e.kind === 'finished' && e.run.id === run.id) {
        this.unfollow();
        this.endLive(key);
      }
    });
  }

  private unfollow(): void {
    this.following?.dispose();
    this.following = undefined;
  }

  /** The run for `key` finished: the view stops saying "live" and later windows come from the saved model. */
  endLive(key: string): void {
    if (this.shown?.key !== key || this.shown.state !== 'training') return;
    this.shown.state = 'done';
    // A first training had no saved model to probe windows from; now it has.
    if (!this.shown.model) void this.adoptSavedModel(key);
    this.post({ type: 'state', state: 'done' });
  }

  private async adoptSavedModel(key: string): Promise<void> {
    const model = (await listModels()).find((m) => m.key === key);
    if (model && this.shown?.key === key && !this.shown.model) this.shown.model = model;
  }

  /** Resolves when the webview next reports a drawn heatmap. */
  nextRender(): Promise<Rendered> {
    return new Promise((resolve) => this.renderWaiters.add(resolve));
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  get current(): Readonly<Shown> | undefined {
    return this.shown;
  }

  /** The explain report of the model shown, once its request has settled. */
  async explained(): Promise<Explained | undefined> {
    await this.explaining;
    return this.explainer.current(this.shown?.key);
  }

  /** The title: the model, and the series of a global model. */
  private titleOf(s: Shown): string {
    return s.series !== undefined ? `${s.label} › ${s.series}` : s.label;
  }

  private replay(): void {
    const s = this.shown;
    if (!this.view) return;
    if (!s) {
      // Nothing selected yet: the strings alone, so the view explains how to fill it.
      this.post({ type: 'init', title: '', strings: hiddenStatesStrings() });
      return;
    }
    this.post({
      type: 'init',
      title: this.titleOf(s),
      strings: hiddenStatesStrings(),
    });
    this.post({ type: 'state', state: s.state, message: s.message });
    if (s.states)
      this.post({
        type: 'hidden',
        states: s.states,
        seriesLength: s.seriesLength,
        label: this.titleOf(s),
        ...(s.series !== undefined && { series: s.series, seriesNames: s.seriesNames ?? [s.series] }),
      });
    this.explainer.replay(s.key);
  }

  private onMessage(m: FromHiddenStatesMessage): void {
    switch (m.type) {
      case 'ready':
        return this.replay();
      case 'selectWindow':
        if (this.shown?.model && this.shown.state !== 'training')
          void this.showModel(this.shown.model, m.start);
        return;
      case 'rendered':
        return this.rendered(m);
      case 'log':
        return this.log[m.level](`hidden states view: ${m.message.slice(0, 500)}`);
      case 'match':
      case 'revealRow':
        return this.explainer.handle(m, this.shown?.model);
      case 'selectSeries':
        if (this.shown?.model && this.shown.state !== 'training')
          void this.showModel(this.shown.model, undefined, m.series);
        return;
    }
  }

  private rendered({ cell, units, steps, layers }: RenderedMessage): void {
    const r: Rendered = { cell, units, steps, layers };
    for (const w of this.renderWaiters) w(r);
    this.renderWaiters.clear();
  }

  private post(m: ToHiddenStatesMessage): void {
    if (this.view) this.channel?.sendEvent(m);
  }

  dispose(): void {
    this.unfollow();
    for (const d of this.disposables) d.dispose();
  }
}
