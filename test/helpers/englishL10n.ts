import type { Localizer } from '../../src/vscode/folderAnalysis';

/** What `vscode.l10n.t` does with no translation loaded: the English message, `{0}`… filled in. */
export const englishL10n: Localizer = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder)),
};
