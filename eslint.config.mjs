import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Code that runs inside the workflow sandbox (workflows/) or is imported by it (the functional core in
 * src/domain, the message definitions in src/messages) must be deterministic and free of I/O.
 */
const deterministicImports = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'no Node builtins in deterministic code' })),
  patterns: [
    {
      group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
      message: 'workflow code may import only @temporalio/workflow and @temporalio/common',
    },
    {
      group: ['express', 'nodemailer', 'pino', 'prom-client'],
      message: 'no I/O libraries in deterministic code',
    },
    {
      group: ['date-holidays', 'date-holidays-parser'],
      message: 'too heavy for the workflow sandbox: use the generated table (src/domain/engine/calendar.ts)',
    },
    {
      group: ['date-fns', 'date-fns/*', 'date-fns-tz', '@date-fns/tz'],
      message: 'its TZDate is wrong inside the workflow sandbox: use Luxon (src/domain/engine/calendar.ts)',
    },
    {
      group: ['**/activities/*', '**/activities', '**/api/*', '**/config/*', '**/notifications/*'],
      message: 'no I/O modules in deterministic code',
      allowTypeImports: true,
    },
  ],
};

/**
 * The schema modules: zod, for the API, the OpenAPI document, configuration and the generator of the
 * workflows' validators. Every other module of src/domain and src/messages is evaluated anew by every
 * workflow (src/domain/core.ts is what the workflows import), so it may take only types from them.
 */
const schemaModules = [
  'src/domain/index.ts',
  'src/domain/*/index.ts',
  'src/domain/**/events.ts',
  'src/domain/engine/fields.ts',
  'src/domain/engine/identity.ts',
  'src/domain/engine/ruleset.ts',
  'src/messages/schemas.ts',
];
const noZodAtRuntime = [
  {
    group: ['zod', 'zod/*'],
    message: 'the workflows evaluate this module per workflow: no zod values here (import type is fine)',
    allowTypeImports: true,
  },
  {
    // The schema modules above, and the folder indexes that re-export them.
    regex: String.raw`(^|/)(events|fields|identity|ruleset|schemas)$|(^|/)(domain|course|fleksjob|cash-benefit)(/index)?$|^\.\.?(/index)?$`,
    message:
      'a schema module (zod) in code the workflows evaluate: import its types only, or from src/domain/core',
    allowTypeImports: true,
  },
];

const deterministicCode = {
  'no-restricted-imports': ['error', deterministicImports],
  'no-restricted-globals': [
    'error',
    ...['process', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'require', 'Buffer'].map((name) => ({
      name,
      message: 'not deterministic or not available in the workflow sandbox',
    })),
  ],
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message: 'use uuid4() from @temporalio/workflow, or take randomness as input',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', 'data/', '.cache/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['workflows/**/*.ts', 'src/domain/**/*.ts', 'src/messages/**/*.ts'], rules: deterministicCode },
  {
    files: ['workflows/**/*.ts', 'src/domain/**/*.ts', 'src/messages/**/*.ts'],
    ignores: schemaModules,
    rules: {
      'no-restricted-imports': [
        'error',
        { ...deterministicImports, patterns: [...deterministicImports.patterns, ...noZodAtRuntime] },
      ],
    },
  },
  {
    // The functional core takes the time as an argument: it never reads the clock itself.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'take `now` as an argument',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'take `now` as an argument',
        },
        {
          selector:
            "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]",
          message: 'take `now` as an argument',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
