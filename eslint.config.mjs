// n8n's community-node rules over what n8n loads: credentials/ and nodes/.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json' } },
  },
  n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport,
  {
    files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
    rules: {
      // The package targets self-hosted n8n and ships @shopify/admin-api-client on purpose (README, "Dependencies").
      '@n8n/community-nodes/no-runtime-dependencies': 'off',
    },
  },
];
