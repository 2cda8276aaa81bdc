/**
 * The layers and the one direction between them (docs/ARCHITECTURE.md, "Layers"):
 *   web → contracts only;  cli, testing, app → modules → platform.
 * `npm run check:deps` (and CI) fails on any import against it.
 */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-feature',
      comment: 'src/platform is shared machinery: it imports no feature, the composition root, the CLI or the web app.',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src/(modules|app|cli|testing)|web)/' },
    },
    {
      name: 'platform-tests-use-no-feature',
      comment: "The platform's own tests may use the test tier (src/testing) but no feature directly.",
      severity: 'error',
      from: { path: '^src/platform/.*\\.test\\.ts$' },
      to: { path: '^(src/(modules|app|cli)|web)/' },
    },
    {
      name: 'features-do-not-import-the-entry-points',
      comment: 'A feature is used by the composition root, the CLI and the web app, never the other way round.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src/(cli|app|testing)|web)/' },
    },
    {
      name: 'web-sees-only-contracts',
      comment: 'The web app shares request/response schemas with the server, nothing else of it.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/modules/[^/]+/[^/]+\\.contract\\.ts$', '^src/platform/contract\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between files of the product makes their load order an accident (type-only imports aside; tests aside).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/(app/matrix|testing)/'] },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
