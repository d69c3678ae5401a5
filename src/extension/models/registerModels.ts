/** The Models view (tree) and its commands: Refresh, Open Panel, Reveal Files, Delete. */
import * as vscode from 'vscode';
import type { ModelEntry } from './modelCatalog';
import { deleteModel, openPanel, revealFiles } from './modelCommands';
import { ModelsTreeProvider } from './modelsTree';

/** `onSelect` hears the model the user selects (the Hidden States view shows it). */
export function registerModels(
  context: vscode.ExtensionContext,
  onSelect: (model: ModelEntry) => void,
): void {
  const tree = new ModelsTreeProvider();
  const treeView = vscode.window.createTreeView<ModelEntry>('seqlab.models', {
    treeDataProvider: tree,
    showCollapseAll: false,
  });
  let selected: string | undefined;
  const select = (model: ModelEntry | undefined) => {
    // Only a model not yet handed on: after a reload the selection is re-read, and must not re-show what is shown.
    const dir = model?.dir.toString();
    if (dir === selected) return;
    selected = dir;
    if (!model) return;
    onSelect(model);
  };
  context.subscriptions.push(
    tree,
    treeView,
    treeView.onDidChangeSelection((e) => select(e.selection[0])),
    // A click that lands while the tree reloads arrives without its model; the selection holds it once reloaded.
    tree.onDidLoad(() => select(treeView.selection[0])),
    vscode.commands.registerCommand('seqlab.models.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('seqlab.models.open', (arg: unknown) => openPanel(arg)),
    vscode.commands.registerCommand('seqlab.models.reveal', (arg: unknown) => revealFiles(arg)),
    vscode.commands.registerCommand('seqlab.models.delete', (arg: unknown, options: unknown) =>
      deleteModel(arg, options, tree),
    ),
    // For tests: the rows as the tree draws them (label, description, tooltip text), after a refresh.
    vscode.commands.registerCommand('seqlab._modelsTreeItems', async () =>
      (await tree.refresh()).map((m) => {
        const item = tree.getTreeItem(m);
        const tip = item.tooltip;
        return {
          dir: m.dir.fsPath,
          label: item.label,
          description: item.description,
          tooltip: typeof tip === 'string' ? tip : tip?.value,
        };
      }),
    ),
  );
}
