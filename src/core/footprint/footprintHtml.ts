/**
 * The footprint webview's page: a shell that loads one script and one stylesheet from
 * media/footprint under a strict Content Security Policy. Nothing from the repository is ever
 * written into this HTML; the script receives the model as a message and inserts it as text.
 */

export interface FootprintPageInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Webview URIs (`webview.asWebviewUri`) of media/footprint/footprint.js and footprint.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random nonce for this page; only the script carrying it may run. */
  readonly nonce: string;
}

export function footprintCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; img-src ${cspSource} data:`;
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function footprintHtml(input: FootprintPageInput): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(footprintCsp(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>My Footprint</title>
</head>
<body>
<main id="footprint" aria-labelledby="footprint-title">
<h1 id="footprint-title">Your footprint</h1>
<p class="muted">Reading your footprint…</p>
</main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
