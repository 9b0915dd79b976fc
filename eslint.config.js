import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    // Prism's output is escaped token markup of our own source files (cut from ?raw imports).
    files: ['src/lib/figure/CodePanel.svelte'],
    rules: { 'svelte/no-at-html-tags': 'off' }
  },
  {
    // The tensor core stays pure: no UI, no DOM.
    files: ['src/lib/tensor/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'svelte',
            'svelte/*',
            'd3',
            'd3-*',
            '$app/*',
            '$lib/diagram/*',
            '$lib/figure/*',
            '$lib/trace/*'
          ]
        }
      ]
    }
  },
  {
    ignores: [
      '.scratch/',
      'build/',
      '.svelte-kit/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/'
    ]
  }
);
