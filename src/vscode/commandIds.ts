/** Every command the extension contributes; a unit test holds package.json to this list. */
export const COMMANDS = {
  showSuggestions: 'multiplier.showSuggestions',
  showFootprint: 'multiplier.showFootprint',
  writeHandoffNote: 'multiplier.writeHandoffNote',
  showOwnership: 'multiplier.showOwnership',
  startAssist: 'multiplier.startAssist',
  endAssist: 'multiplier.endAssist',
  snooze: 'multiplier.snooze',
  showWhy: 'multiplier.showWhy',
  refresh: 'multiplier.refresh',
  showLog: 'multiplier.showLog',
  confirmIdentity: 'multiplier.confirmIdentity',
  importTeams: 'multiplier.importTeams',
  addCoAuthor: 'multiplier.addCoAuthor',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
