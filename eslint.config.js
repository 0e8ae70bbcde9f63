import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { arrowsPlugin, KNOWN_WRONG_WAY } from './eslint/arrows.js';

/** One owner folder per library (see CONVENTIONS.md): everyone else goes through it. */
const owned = (name, owner) => ({
  name,
  message: `Only ${owner} imports ${name}; use what it exports.`,
});

const OWNERS = {
  'src/data': ['dexie', 'dexie-react-hooks'],
  'src/state': ['zustand'],
  'src/i18n': ['i18next', 'react-i18next'],
};

const ARROW_EXCEPTIONS = [];

/** Every src file may import a guarded library only if it lives in that library's owner folder. */
function ownerFolders() {
  const rule = (except) => {
    const paths = Object.entries(OWNERS)
      .filter(([owner]) => owner !== except)
      .flatMap(([owner, names]) => names.map((name) => owned(name, owner)));
    return { 'no-restricted-imports': ['error', { paths }] };
  };
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      ignores: Object.keys(OWNERS).map((owner) => `${owner}/**`),
      rules: rule(null),
    },
    ...Object.keys(OWNERS).map((owner) => ({ files: [`${owner}/**`], rules: rule(owner) })),
  ];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'tests/artifacts', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  { files: ['vite.config.ts', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  ...ownerFolders(),
  {
    // The one-way arrows of DESIGN.md (see eslint/arrows.js); tests and test kits may reach anything.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: [
      '**/*.test.{ts,tsx}',
      'src/test/**',
      'server/testkit/**',
      'server/testing.ts',
      ...ARROW_EXCEPTIONS,
    ],
    plugins: { hoc: arrowsPlugin },
    rules: { 'hoc/arrows': ['error', { known: KNOWN_WRONG_WAY }] },
  },
  {
    files: ['src/domain/**', 'src/protocol/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|(\\.\\./)+(lib|protocol|domain)(/|$)).*',
              message: 'domain and protocol import only lib, each other and zod.',
            },
          ],
        },
      ],
    },
  },
  {
    // Certificate codes, signed content, sealed carry files and signed passports need real crypto
    // and encodings: these well-kept, pure-JS libraries only.
    files: [
      'src/domain/certificates/**',
      'src/domain/content/**',
      'src/domain/carry/**',
      'src/domain/passport/**',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?!zod$|@noble/(curves|hashes)/|@scure/base$|cbor-x$|fflate$|\\./|\\.\\./[^.]|\\.\\./\\.\\./(lib|protocol)(/|$)).*',
              message:
                'certificate and content rules import only lib, protocol, zod and the crypto libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react/jsx-key': 'error',
    },
  },
  {
    files: ['src/features/**/*.tsx', 'src/ui/**/*.tsx', 'src/app/**/*.tsx'],
    rules: { 'react/jsx-no-literals': ['error', { noStrings: false, ignoreProps: true }] },
  },
);
