// n8n's community-node rules over what n8n loads (credentials/, nodes/ and the lib/ they run on), and the
// import boundaries of the architecture: lib/ is n8n-free (types only), the simulators are written from the
// vendors' documented behaviour and import nothing of ours, and shipped code never imports a simulator.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const SHIPPED = ['credentials/**/*.ts', 'nodes/**/*.ts', 'lib/**/*.ts'];

const noSimulator = {
  regex: '^(\\.\\./)+simulator(/|$)',
  message: 'Shipped code must not import the simulators: they are test doubles of Shopify and the POS.',
};

/** typescript-eslint's no-restricted-imports: the base rule's options plus allowTypeImports. */
function restrictImports(options) {
  return {
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', options] },
  };
}

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: [...SHIPPED, 'simulator/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json' } },
  },
  { ...n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport, files: SHIPPED },
  {
    files: SHIPPED,
    rules: {
      // The package targets self-hosted n8n and ships @shopify/admin-api-client on purpose (README, "Dependencies").
      '@n8n/community-nodes/no-runtime-dependencies': 'off',
    },
  },
  {
    // lib/ is n8n-free on purpose: its errors become NodeApiError/NodeOperationError in nodes/.
    files: ['lib/**/*.ts'],
    rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
  },
  {
    // Its inline directives name typescript-eslint rules that editors run; this config does not.
    files: ['simulator/**/*.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['lib/**/*.ts'],
    ...restrictImports({
      paths: ['n8n-workflow', 'n8n-core'].map((name) => ({
        name,
        allowTypeImports: true,
        message: 'lib/ stays free of n8n: import its types only (import type), and map to n8n in nodes/.',
      })),
      patterns: [
        noSimulator,
        { regex: '^(\\.\\./)+(nodes|credentials)(/|$)', message: 'lib/ must not import nodes/ or credentials/: they build on lib/, not the other way round.' },
      ],
    }),
  },
  { files: ['nodes/**/*.ts', 'credentials/**/*.ts'], ...restrictImports({ patterns: [noSimulator] }) },
  {
    files: ['simulator/**/*.ts'],
    ...restrictImports({
      patterns: [
        {
          regex: '^(\\.\\./)+(lib|nodes|credentials)(/|$)',
          message: "The simulators are written from Shopify's and the vendors' documented behaviour: import nothing from lib/, nodes/ or credentials/.",
        },
      ],
    }),
  },
];
