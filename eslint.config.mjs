import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // FolderAnalysis is the one door to the analysis worker: it owns waiting, retrying and the
    // "not read yet" answer, so nothing else may talk to the worker (extension.ts only wires it).
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/extension.ts', 'src/vscode/folderAnalysis.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/analysisWorkerClient'], message: 'Ask the worker through FolderAnalysis (ask, refresh), the one door.' }] }],
    },
  },
  {
    // The core is shared by the CLI and the extension: it must never depend on the editor.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core must not import vscode; pass what it needs in from src/vscode.' }] }],
    },
  },
);
