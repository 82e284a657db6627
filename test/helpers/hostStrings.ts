/**
 * Reads the host's source (src/extension.ts and src/vscode/) with the TypeScript parser, for the
 * localization tests: the messages passed to `vscode.l10n.t`, and user-visible text that is not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  readonly path: string;
  readonly source: ts.SourceFile;
}

export function hostSources(): SourceFile[] {
  const files = ['src/extension.ts', ...fs.readdirSync(path.join(ROOT, 'src/vscode')).filter((name) => name.endsWith('.ts')).map((name) => `src/vscode/${name}`)];
  return files.map((file) => ({ path: file, source: ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true) }));
}

export interface L10nCall {
  readonly where: string;
  /** The message, or undefined when the first argument is not a plain string literal. */
  readonly message: string | undefined;
  /** How many arguments follow the message. */
  readonly args: number;
}

function where(file: SourceFile, node: ts.Node): string {
  const { line } = file.source.getLineAndCharacterOfPosition(node.getStart(file.source));
  return `${file.path}:${line + 1}`;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function isL10nT(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && /^(?:vscode\.)?l10n\.t$/.test(node.expression.getText());
}

/** Every `vscode.l10n.t(…)` call of the host. */
export function l10nCalls(files: readonly SourceFile[] = hostSources()): L10nCall[] {
  const calls: L10nCall[] = [];
  for (const file of files) {
    walk(file.source, (node) => {
      if (!isL10nT(node)) return;
      const [first, ...rest] = node.arguments;
      const message = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
      calls.push({ where: where(file, node), message, args: rest.length });
    });
  }
  return calls;
}

/** Properties whose string a person reads: quick-pick items and options, input boxes, status bar items, progress, commands. */
const VISIBLE_PROPERTIES = new Set(['label', 'description', 'detail', 'placeHolder', 'prompt', 'title', 'tooltip', 'text', 'name']);
/** Calls whose every string argument a person reads (messages and their buttons). */
const VISIBLE_CALLS = /(?:^|\.)(?:show(?:Information|Warning|Error)Message|createWebviewPanel)$/;
/** Errors whose message the command wrapper shows as is (internal errors are logged and stay English). */
const VISIBLE_ERRORS = new Set(['AnalysisUnavailable']);

/**
 * Text with words in it, once codicons (`$(person)`) and template substitutions are left out; a
 * path or a setting's id (`/.vscode/settings.json`, `multiplier.teams`) is not words.
 */
function hasWords(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): boolean {
  const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') : node.text;
  const words = text.replace(/\$\([\w~-]+\)/g, '').trim();
  const pathOrId = /^[\w@~-]*(?:[./]+[\w@~-]+)+\/?$/.test(words);
  return /\p{L}{2,}/u.test(words) && !pathOrId;
}

function isVisibleSlot(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return VISIBLE_PROPERTIES.has(parent.name.getText());
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return ts.isPropertyAccessExpression(parent.left) && VISIBLE_PROPERTIES.has(parent.left.name.text);
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) return VISIBLE_CALLS.test(parent.expression.getText()) && !(parent.expression.getText().endsWith('createWebviewPanel') && parent.arguments[0] === node);
  // new AnalysisUnavailable(reason, message)
  if (ts.isNewExpression(parent) && parent.arguments?.[1] === node) return VISIBLE_ERRORS.has(parent.expression.getText());
  // `cond ? 'a' : 'b'` and `a ?? 'b'` in a visible slot are visible too.
  if (ts.isConditionalExpression(parent) && parent.condition !== node) return isVisibleSlot(parent);
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind)) return isVisibleSlot(parent);
  if (ts.isParenthesizedExpression(parent)) return isVisibleSlot(parent);
  return false;
}

/** User-visible text written in the host's code without `vscode.l10n.t`, as `file:line text`. */
export function unlocalizedText(files: readonly SourceFile[] = hostSources()): string[] {
  const found: string[] = [];
  for (const file of files) {
    walk(file.source, (node) => {
      if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))) return;
      if (hasWords(node) && isVisibleSlot(node)) found.push(`${where(file, node)} ${node.getText().slice(0, 80)}`);
    });
  }
  return found;
}

/** `{0}`, `{1}`… in a message. */
export function placeholders(message: string): number[] {
  return [...new Set([...message.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])))].sort((a, b) => a - b);
}
