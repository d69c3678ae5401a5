/**
 * The Hidden States view's explain section on the host side: asks the worker for the report of the model shown,
 * keeps the last one for replay, runs matches the view asks for, and reveals a row of the data file.
 */
import * as vscode from 'vscode';
import type {
  Explained,
  HiddenMatchMessage,
  HiddenRevealRowMessage,
  MatchQuery,
  ToHiddenStatesMessage,
} from '../../shared/protocol';
import { errorText } from '../../shared/errorText';
import type { ModelEntry } from '../models/modelCatalog';
import type { WorkerClient } from '../training/workerClient';
import { sourceFor } from '../trust';
import { explainStrings } from './explainStrings';

export class ExplainBridge {
  private last: { key: string; explained?: Explained; error?: string } | undefined;
  private seq = 0;
  private windowAt: number | undefined;
  /** The series of a global model the report is for. */
  private series: string | undefined;
  /** The range the user last matched, kept while the same model and series stay shown. */
  private query: MatchQuery | undefined;

  constructor(
    private readonly worker: Pick<WorkerClient, 'explain'>,
    private readonly post: (m: ToHiddenStatesMessage) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Explains `model` (its `series`, for a global model) for the saliency window starting at `windowAt`, with the
   * matches of `match` if given.
   */
  async refresh(model: ModelEntry, windowAt?: number, match?: MatchQuery, series?: string): Promise<void> {
    const seq = ++this.seq;
    this.windowAt = windowAt;
    // Another series' report (its rows, its lines) must not stand in for this one's, nor its brushed range.
    if (this.last?.key !== model.key || this.series !== series) {
      this.last = { key: model.key };
      this.query = undefined;
    }
    this.series = series;
    // A new window (the slider, or the probe that follows a brush made while the model was loading) re-explains the
    // model: the user's range stays matched rather than its matches vanishing.
    if (match) this.query = match;
    match ??= this.query;
    try {
      const explained = await this.worker.explain(await sourceFor(model.data), model.place, {
        windowAt,
        ...(match ? { match } : {}),
        ...(series !== undefined ? { series } : {}),
      });
      if (seq !== this.seq) return;
      this.last = { key: model.key, explained };
    } catch (e) {
      if (seq !== this.seq) return;
      this.last = { key: model.key, explained: this.last?.explained, error: errorText(e) };
      this.log.warn(`explain: ${this.last.error}`);
    }
    this.replay(model.key);
  }

  /** The view asked for matches of a range, or to see a row in the data file. */
  handle(m: HiddenMatchMessage | HiddenRevealRowMessage, model: ModelEntry | undefined): void {
    if (!model) return;
    if (m.type === 'match') void this.refresh(model, this.windowAt, m.query, this.series);
    else void this.revealRow(model, m.row);
  }

  /** The last report for the model `key`. */
  current(key: string | undefined): Explained | undefined {
    const last = this.last;
    return last && last.key === key ? last.explained : undefined;
  }

  replay(key: string | undefined): void {
    if (!this.last || this.last.key !== key) return;
    this.post({
      type: 'explained',
      strings: explainStrings(),
      ...(this.last.explained ? { explained: this.last.explained } : {}),
      ...(this.last.error ? { error: this.last.error } : {}),
    });
  }

  /** Opens the data file with row `row` selected; a file whose rows are not its lines just opens. */
  async revealRow(model: ModelEntry, row: number): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(model.data, { preview: false });
    const first = this.last?.key === model.key ? this.last.explained?.lineOfRow0 : undefined;
    if (first === undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The rows of {0} are not one per line, so SeqLab cannot point at row {1}.',
          model.data.path.split('/').pop() ?? '',
          row,
        ),
      );
      return editor;
    }
    const line = Math.min(first + row, editor.document.lineCount - 1);
    const range = editor.document.lineAt(line).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    return editor;
  }
}
