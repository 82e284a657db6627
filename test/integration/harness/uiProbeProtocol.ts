/**
 * What the UI probe's server (in the launcher, Node) and client (in the extension host) share.
 * Kept apart from uiProbe.ts because the client imports `vscode`, which the launcher cannot.
 */

/** The probe's base URL (`http://127.0.0.1:PORT`), as it reaches the extension host. */
export const UI_PROBE_ENV = 'MULTIPLIER_UI_PROBE';

export interface StatusBarItemView {
  /** The element id: `<publisher>.<name>.<item id>` for extension items. */
  readonly id: string;
  /** Visible text, whitespace collapsed; codicons draw no text. */
  readonly text: string;
  readonly ariaLabel: string;
}

export interface QuickPickItemView {
  readonly label: string;
  readonly description: string;
  readonly ariaLabel: string;
}
