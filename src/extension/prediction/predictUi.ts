/** How Predict Next Value talks to the user: the result with its follow-up actions, and the number of steps. */
import * as vscode from 'vscode';

export type PredictAction = 'forecastSteps' | 'showInPanel' | 'insertRow';

/** How the command talks to the user; tests pass their own (functions cannot arrive through a command link). */
export interface PredictUi {
  show(
    message: string,
    actions: Array<{ title: string; action: PredictAction }>,
  ): Thenable<PredictAction | undefined>;
  askSteps(): Thenable<number | undefined>;
}

/** Notifications and an input box; tests pass their own PredictUi instead. */
export const defaultUi: PredictUi = {
  async show(message, actions) {
    const picked = await vscode.window.showInformationMessage(message, ...actions.map((a) => a.title));
    return actions.find((a) => a.title === picked)?.action;
  },
  async askSteps() {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Forecast N Steps'),
      prompt: vscode.l10n.t('How many steps ahead? (1–1000)'),
      value: '12',
      validateInput: (v) =>
        parseSteps(v) === undefined ? vscode.l10n.t('Enter a whole number from 1 to 1000.') : undefined,
    });
    return text === undefined ? undefined : parseSteps(text);
  },
};

function parseSteps(v: string): number | undefined {
  const n = Number(v.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
}
