// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode: this layer must stay pure.' }] },
  ],
};

export default tseslint.config(
  { ignores: ['bench/.data/**', 'node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**', 'src/kernel/assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', setImmediate: 'readonly', queueMicrotask: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['src/model/**', 'src/shared/**', 'src/cli/**', 'src/worker/**'], rules: noVscode },
  {
    files: ['src/webview/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Workspace text reaches the DOM only through textContent.' },
        { property: 'outerHTML', message: 'Workspace text reaches the DOM only through textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Use textContent.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Use textContent.' },
      ],
    },
  },
);
