import * as vscode from 'vscode';

/** One output channel for the whole extension; components prefix their lines with `[name]`. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
  child(component: string): Logger;
}

export function createLogger(channel: vscode.LogOutputChannel, component = 'multiplier'): Logger {
  const prefix = `[${component}] `;
  return {
    info: (message) => channel.info(prefix + message),
    warn: (message) => channel.warn(prefix + message),
    error: (message, error) => channel.error(prefix + message + (error instanceof Error && error.message !== message ? `: ${error.message}` : '')),
    show: () => channel.show(true),
    child: (name) => createLogger(channel, name),
  };
}
