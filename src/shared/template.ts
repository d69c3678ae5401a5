/** {0}, {1}… placeholders, as vscode.l10n uses, filled where vscode.l10n is not at hand (webviews, shared rules). */
export function fillTemplate(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) =>
    args[Number(i)] !== undefined ? String(args[Number(i)]) : m,
  );
}
