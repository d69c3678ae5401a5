// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodePath = {
  name: 'vscode',
  message: 'Only src/extension may import vscode: this layer must stay pure.',
};
/** Which room may import which (ARCHITECTURE.md): each entry lists the folders a room must not reach into. */
const rooms = (message, ...folders) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [vscodePath],
      patterns: [{ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'bench/.data/**',
      'node_modules/**',
      'dist/**',
      'out/**',
      '.vscode-test/**',
      'test-results/**',
      'test/fixtures/**',
      'src/kernel/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/cli/**', 'src/worker/**'],
    rules: rooms('The CLI and the worker use the core and the contract only.', 'extension', 'webview'),
  },
  {
    files: ['src/model/**'],
    rules: rooms(
      'src/model is the pure core: it imports only itself and src/shared.',
      'extension',
      'worker',
      'cli',
      'webview',
    ),
  },
  {
    files: ['src/shared/**'],
    rules: rooms(
      'src/shared is the contract every room imports: it imports nothing of theirs.',
      'model',
      'extension',
      'worker',
      'cli',
      'webview',
    ),
  },
  {
    files: ['src/webview/**'],
    rules: rooms(
      'Webviews see only src/webview and src/shared (shared data types live in src/shared/types.ts).',
      'model',
      'extension',
      'worker',
      'cli',
    ),
  },
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
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Use textContent.',
        },
      ],
    },
  },
);
