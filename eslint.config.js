import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'web/dist',
      'data',
      'coverage',
      'src/db/migrations',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  {
    // Modules are rooms with doors: see eslint/module-boundaries.js and docs/adding-a-module.md.
    files: ['src/**/*.ts'],
    plugins: { openams: boundaries },
    rules: { 'openams/module-doors': 'error' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js', 'eslint/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
);
