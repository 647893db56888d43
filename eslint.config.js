// Lint: typescript-eslint's recommended rules plus Sanad's architecture rules.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'scratch/', 'bench/results/', 'standards/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Blob: 'readonly', File: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // DESIGN §2: domain code and repositories reach the database only through the transaction handle a
    // unit gives them; the global handle and owner-role units belong to auth, the migrator and the CLI.
    files: ['src/server/domain/**/*.ts', 'src/server/repositories/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/database-handle*', '**/db/client*'], importNamePattern: '^(?!SqlRunner$|Row$).*', message: 'Domain code gets the database only through withTransaction (DESIGN §2).' },
            { group: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*'], message: 'Domain code gets the database only through withTransaction (DESIGN §2).' },
          ],
          paths: [
            { name: '../../db/transaction.ts', importNames: ['withOwnerTransaction'], message: 'Owner-role units are for the authentication module, the migrator and the CLI.' },
            { name: '../db/transaction.ts', importNames: ['withOwnerTransaction'], message: 'Owner-role units are for the authentication module, the migrator and the CLI.' },
          ],
        },
      ],
    },
  },
  {
    // Configuration is parsed once in src/server/config.ts (STYLE §6).
    files: ['src/**/*.ts'],
    ignores: ['src/server/config.ts', 'src/server/cli/main.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from the parsed Config (src/server/config.ts).' }],
    },
  },
  {
    // The web app runs in the browser.
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', navigator: 'readonly', fetch: 'readonly', Response: 'readonly', Request: 'readonly', React: 'readonly', requestAnimationFrame: 'readonly' } },
  },
  {
    // Notifications go through components/notify.ts, which gives their close button an accessible name.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/components/notify.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@mantine/notifications', importNames: ['notifications'], message: 'Use notify() from components/notify.ts.' }] }],
    },
  },
  {
    // UI text lives in the locale files (fr, ar, en): no literal text in JSX, nor in the attributes people
    // read or hear (labels, placeholders, titles, accessible names).
    files: ['src/web/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['label', 'placeholder', 'title', 'alt', 'aria-label', 'aria-description', 'description', 'error', 'message', 'confirmLabel', 'cancelLabel', 'emptyMessage', 'caption'],
          },
          message: 'UI text belongs in the locale files (src/web/i18n/locales); use t()',
        },
      ],
    },
  },
);
