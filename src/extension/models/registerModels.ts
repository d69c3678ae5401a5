/** The Models view (tree) and its commands: Refresh, Open Panel, Reveal Files, Delete. */
import * as vscode from 'vscode';
import type { ModelEntry } from './modelCatalog';
import { deleteModel, openPanel, revealFiles } from './modelCommands';
import { ModelsTreeProvider } from './modelsTree';

/** `onSelect` hears the model the user selects (the Hidden States view shows it). */
export function registerModels(context: vscode.ExtensionContext, onSelect: (model: ModelEntry) => void): void {
  const tree = new ModelsTreeProvider();
  const treeView = vscode.window.createTreeView<ModelEntry>('seqlab.models', { treeDataProvider: tree, showCollapseAll: false });
  context.subscriptions.push(
    tree,
    treeView,
    treeView.onDidChangeSelection((e) => {
      const model = e.selection[0];
      if (model) onSelect(model);
    }),
    vscode.commands.registerCommand('seqlab.models.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('seqlab.models.open', (arg: unknown) => openPanel(arg)),
    vscode.commands.registerCommand('seqlab.models.reveal', (arg: unknown) => revealFiles(arg)),
    vscode.commands.registerCommand('seqlab.models.delete', (arg: unknown, options: unknown) => deleteModel(arg, options, tree)),
  );
}
