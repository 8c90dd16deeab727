// ESLint flat config. It lives in .config/ because the project's top level is kept to the agreed
// entries; `npm run lint` passes --config. Type-aware rules use the nearest tsconfig (projectService).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve, sep } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The pure core must stay free of framework and persistence code, so it can be tested with plain objects. */
const CORE_FORBIDDEN =
  /^(@nestjs\/|@apollo\/|typeorm(\/|$)|graphql(\/|$)|pg(\/|$)|pg-boss|express|class-validator|class-transformer|dataloader|nestjs-)/;
const CORE_DIR = join(root, 'src', 'core') + sep;

const pureCore = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const leavesCore =
        source.startsWith('.') && !resolve(dirname(context.filename), source).startsWith(CORE_DIR);
      if (leavesCore || CORE_FORBIDDEN.test(source)) {
        context.report({
          node: node.source,
          message: `src/core is the pure core: it may not import "${source}" (no NestJS, TypeORM, GraphQL or database code, nothing outside src/core; see docs/architecture.md).`,
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { defaultProject: 'tsconfig.json' }, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'off',
    },
  },
  {
    // Nest resolves constructor parameters by their emitted types: a type-only import would erase them.
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    plugins: { boundaries: { rules: { 'pure-core': pureCore } } },
    rules: { 'boundaries/pure-core': 'error' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
