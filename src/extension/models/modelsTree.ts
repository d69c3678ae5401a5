/** The "Models" tree: one item per trained model (file › column), described by cell, units, validation MASE and date. */
import * as vscode from 'vscode';
import { listModels, type ModelEntry } from './modelCatalog';
import { modelRoot } from '../trust';
import { cellName } from '../../shared/cellName';
import { backtestSentence } from './backtestText';
import { seriesSuffix, seriesTooltip } from './seriesLabel';
import { LIMITS } from '../../model/store/limits';

export class ModelsTreeProvider implements vscode.TreeDataProvider<ModelEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private models: ModelEntry[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly loadedDisposable = { dispose: () => this.loaded.dispose() };
  private watchers: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rewatch()),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('seqlab.modelDirectory') && this.rewatch(),
      ),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.rewatch()),
    );
  }

  private readonly loaded = new vscode.EventEmitter<void>();
  /** Fires after the tree has asked for its items again (VS Code re-maps its rows to models then). */
  readonly onDidLoad = this.loaded.event;

  /**
   * Re-reads the model folders; resolves with what the tree now shows. The tree is told only when the list changed:
   * a reload empties VS Code's row-to-model map until getChildren returns, and a click in that window is lost.
   */
  async refresh(): Promise<ModelEntry[]> {
    const before = fingerprint(this.models);
    this.models = await listModels();
    if (fingerprint(this.models) !== before) this.changed.fire();
    return this.models;
  }

  get current(): readonly ModelEntry[] {
    return this.models;
  }

  async getChildren(element?: ModelEntry): Promise<ModelEntry[]> {
    if (element) return [];
    this.models = await listModels();
    setTimeout(() => this.loaded.fire(), 0);
    return this.models;
  }

  getTreeItem(m: ModelEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(modelLabel(m), vscode.TreeItemCollapsibleState.None);
    item.id = m.dir.toString();
    item.description = describeModel(m);
    item.tooltip = tooltip(m);
    item.contextValue = 'seqlabModel';
    item.iconPath = new vscode.ThemeIcon('pulse');
    item.resourceUri = m.data;
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  private watch(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const root = modelRoot(folder);
      const watcher = vscode.workspace.createFileSystemWatcher(
        // backtest.json too: a backtest that ends changes what the tree shows.
        new vscode.RelativePattern(root, '**/{meta,backtest}.json'),
      );
      const soon = () => this.refreshSoon();
      watcher.onDidCreate(soon);
      watcher.onDidChange(soon);
      watcher.onDidDelete(soon);
      this.watchers.push(watcher);
      // Deleting a whole model folder does not always report meta.json itself.
      const dirs = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(root, '**'),
        true,
        true,
        false,
      );
      dirs.onDidDelete(soon);
      this.watchers.push(dirs);
    }
  }

  private rewatch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.watch();
    this.refreshSoon();
  }

  /** A training run writes several files at once; one refresh after they settle is enough. */
  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.refresh();
    }, 300);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of [...this.disposables, ...this.watchers, this.loadedDisposable]) d.dispose();
  }
}

/** What the tree shows of each model: a list with the same fingerprint needs no redraw. */
function fingerprint(models: readonly ModelEntry[]): string {
  return JSON.stringify(models.map((m) => [m.dir.toString(), m.data.toString(), m.column, describeModel(m)]));
}

export function modelLabel(m: ModelEntry): string {
  return `${m.data.path.slice(m.data.path.lastIndexOf('/') + 1)} › ${m.column}${seriesSuffix(m)}`;
}

/** A plain method's name as the user reads it. */
export function methodName(method: 'naive' | 'seasonalNaive' | 'theta'): string {
  return method === 'naive'
    ? vscode.l10n.t('Naive')
    : method === 'seasonalNaive'
      ? vscode.l10n.t('Seasonal naive')
      : vscode.l10n.t('Theta');
}

export function describeModel(m: ModelEntry): string {
  if (m.tooLarge !== undefined) return tooLargeText(m.tooLarge);
  const parts = [cellName(m.cell)];
  if (m.units !== undefined) parts.push(vscode.l10n.t('{0} units', m.units));
  if (m.mase !== undefined) parts.push(vscode.l10n.t('val MASE {0}', m.mase.toFixed(2)));
  const backtest = m.backtest?.models.rnn.mase;
  if (backtest !== undefined && Number.isFinite(backtest))
    parts.push(vscode.l10n.t('backtest MASE {0}', backtest.toFixed(2)));
  if (m.better) parts.push(vscode.l10n.t('⚠ {0} forecasts better', methodName(m.better)));
  if (m.created) parts.push(m.created.toLocaleDateString(vscode.env.language));
  return parts.join(' · ');
}

/** A meta.json over the loader's cap is listed, not read. */
function tooLargeText(bytes: number): string {
  const mb = (n: number) => (n / (1 << 20)).toFixed(1);
  return vscode.l10n.t(
    'meta.json too large ({0} MB, limit {1} MB): not read',
    mb(bytes),
    mb(LIMITS.metaJson),
  );
}

function tooltip(m: ModelEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.appendText(`${modelLabel(m)}\n\n`);
  if (m.tooLarge !== undefined) {
    md.appendText(tooLargeText(m.tooLarge) + '\n\n');
    md.appendText(vscode.l10n.t('Folder: {0}', vscode.workspace.asRelativePath(m.dir)));
    return md;
  }
  for (const line of seriesTooltip(m)) md.appendText(line + '\n\n');
  md.appendText(vscode.l10n.t('Cell: {0}', cellName(m.cell)) + '\n\n');
  if (m.layers !== undefined) md.appendText(vscode.l10n.t('Layers: {0}', m.layers) + '\n\n');
  if (m.units !== undefined) md.appendText(vscode.l10n.t('Units per layer: {0}', m.units) + '\n\n');
  if (m.window !== undefined) md.appendText(vscode.l10n.t('Window: {0} time steps', m.window) + '\n\n');
  if (m.mase !== undefined)
    md.appendText(
      vscode.l10n.t('Validation MASE: {0} (below 1 beats the naive forecast)', m.mase.toFixed(3)) + '\n\n',
    );
  if (m.backtest) md.appendText(backtestSentence(m.backtest) + '\n\n');
  if (m.created)
    md.appendText(vscode.l10n.t('Trained: {0}', m.created.toLocaleString(vscode.env.language)) + '\n\n');
  md.appendText(vscode.l10n.t('Folder: {0}', vscode.workspace.asRelativePath(m.dir)));
  return md;
}
