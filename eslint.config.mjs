import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Module boundaries are the architecture: domain libraries import no framework,
// apps are thin, nothing points back up the stack.
const frameworks = [
  '@nestjs/*',
  'typeorm',
  'mysql2',
  'bullmq',
  'ioredis',
  'nodemailer',
  'express',
  'react',
  'react-dom',
  '@rjsf/*',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/tmp', '**/.nx', 'test-artifacts', 'coverage'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // Integration specs inside apps use the harness, and the harness boots those apps.
          ignoredCircularDependencies: [
            ['api', 'test-support'],
            ['worker', 'test-support'],
          ],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworks,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: frameworks,
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:data',
              onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:util', 'type:contracts'],
            },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:data',
                'type:domain',
                'type:util',
                'type:contracts',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:data',
                'type:domain',
                'type:util',
                'type:contracts',
                'type:testing',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/src/*', '../../../libs/*'],
              message: 'Import other libraries by their @rodtrad/ alias.',
            },
          ],
        },
      ],
    },
  },
  prettier,
];
