/** Registers the Hidden States view and gives the training code two plain functions to push live states. */
import * as vscode from 'vscode';
import type { HiddenStates } from '../../model/types';
import { HIDDEN_STATES_VIEW, HiddenStatesView } from './hiddenStatesView';

let instance: HiddenStatesView | undefined;

export function registerHiddenStatesView(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): HiddenStatesView {
  instance = new HiddenStatesView(context.extensionUri, log);
  context.subscriptions.push(instance, vscode.window.registerWebviewViewProvider(HIDDEN_STATES_VIEW, instance));
  return instance;
}

/** For the training code: push h_t of a running model; a no-op until the view exists. */
export function updateHiddenStates(key: string, states: HiddenStates, seriesLength?: number, label?: string): void {
  instance?.update(key, states, seriesLength, label);
}

export function endHiddenStatesLive(key: string): void {
  instance?.endLive(key);
}
