/** How Predict Next Value talks to the user: the result with its follow-up actions, and the number of steps. */
import * as vscode from 'vscode';

export type PredictAction = 'forecastSteps' | 'showInPanel' | 'insertRow' | 'useBetter';

/** How the command talks to the user; tests pass their own (functions cannot arrive through a command link). */
export interface PredictUi {
  /** `warning`: a plain method beat the model, so the notification is a warning, not information. */
  show(
    message: string,
    actions: Array<{ title: string; action: PredictAction }>,
    warning?: boolean,
  ): Thenable<PredictAction | undefined>;
  askSteps(): Thenable<number | undefined>;
  /** Which series of a model of many (null: all of them); undefined when cancelled. Absent: the quick pick. */
  pickSeries?(names: string[]): Thenable<string | null | undefined>;
}

/** Notifications and an input box; tests pass their own PredictUi instead. */
export const defaultUi: PredictUi = {
  async show(message, actions, warning) {
    const titles = actions.map((a) => a.title);
    const picked = await (warning
      ? vscode.window.showWarningMessage(message, ...titles)
      : vscode.window.showInformationMessage(message, ...titles));
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
  async pickSeries(names) {
    const all = {
      label: vscode.l10n.t('All series'),
      description: vscode.l10n.t('a table of every next value'),
      series: null,
    };
    const picked = await vscode.window.showQuickPick(
      [all, ...names.map((n) => ({ label: n, description: '', series: n as string | null }))],
      { placeHolder: vscode.l10n.t('Predict which series?'), matchOnDescription: true },
    );
    return picked === undefined ? undefined : picked.series;
  },
};

function parseSteps(v: string): number | undefined {
  const n = Number(v.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
}
