// Import rules of the monorepo (see ARCHITECTURE.md). `pnpm lint` fails on any violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'matching-core is the functional core: no I/O, no workspace package, only fast-levenshtein.',
      severity: 'error',
      from: {
        path: '^packages/matching-core/src',
        pathNot: '\\.test\\.ts$|\\.test-support\\.ts$|/test-support/',
      },
      to: { pathNot: '^packages/matching-core/src|fast-levenshtein' },
    },
    {
      name: 'contracts-only-zod-and-core',
      comment:
        'contracts holds zod schemas at the edges; it may use matching-core types, nothing else of ours.',
      severity: 'error',
      from: { path: '^packages/contracts/src' },
      to: { path: '^(packages/(?!contracts|matching-core)|apps/)' },
    },
    {
      name: 'reference-data-stands-alone',
      comment: 'reference-data loads files; it depends on no other workspace package.',
      severity: 'error',
      from: { path: '^packages/reference-data/src' },
      to: { path: '^(packages/(?!reference-data)|apps/)' },
    },
    {
      name: 'config-only-zod',
      comment: 'config parses the environment; it depends on no other workspace package.',
      severity: 'error',
      from: { path: '^packages/config/src' },
      to: { path: '^(packages/(?!config)|apps/)' },
    },
    {
      name: 'queue-is-a-catalog',
      comment: 'queue names jobs and their payloads; it knows nothing of the database, mail or matching.',
      severity: 'error',
      from: { path: '^packages/queue/src' },
      to: { path: '^(packages/(?!queue)|apps/)' },
    },
    {
      name: 'mail-renders-and-sends',
      comment:
        'mail renders and sends; it may use matching-core types and company-view, never the database or the queue.',
      severity: 'error',
      from: { path: '^packages/mail/src' },
      to: { path: '^(packages/(?!mail|matching-core|company-view)|apps/)' },
    },
    {
      name: 'company-view-is-an-allow-list',
      comment:
        'company-view decides what a company sees of a candidate; it may use matching-core and node:crypto (the keyed codes) only.',
      severity: 'error',
      from: { path: '^packages/company-view/src' },
      to: { pathNot: '^packages/(company-view|matching-core)/|^(node:)?crypto$' },
    },
    {
      name: 'night-knows-no-queue',
      comment:
        'night is the pipeline as plain functions; BullMQ wiring belongs to apps/worker, so the demo runs without Redis.',
      severity: 'error',
      from: { path: '^packages/night/src' },
      to: { path: '^(packages/(queue|config|uploads|imports|synthetic|demo)/|apps/)|bullmq|ioredis' },
    },
    {
      name: 'figures-computes-and-stores',
      comment:
        'figures computes the regional figures (pure, in compute/) and stores them through db; it may use db, matching-core, reference-data, vega and vega-lite — never the queue, the night or the apps.',
      severity: 'error',
      from: { path: '^packages/figures/src' },
      to: {
        path: '^(packages/(?!figures|db|matching-core|reference-data)[^/]+/|apps/)|bullmq|ioredis|nodemailer',
      },
    },
    {
      name: 'documents-render-from-db',
      comment:
        'documents loads one accepted proposal through db and renders HTML and PDF; it may use db, matching-core, reference-data and pdfkit — never the queue, the night, mail or the apps.',
      severity: 'error',
      from: { path: '^packages/documents/src' },
      to: {
        path: '^(packages/(?!(documents|db|matching-core|reference-data)/)[^/]+/|apps/|@stagebrug/(?!(db|matching-core|reference-data)$))|bullmq|ioredis|nodemailer',
      },
    },
    {
      name: 'admin-writes-through-db',
      comment:
        "admin holds the administrator's validated writes for the CLI and the API; it may use db, uploads (the normalisers) and reference-data (postcodes) — never the queue, the night, mail or the apps.",
      severity: 'error',
      from: { path: '^packages/admin/src' },
      to: {
        path: '^(packages/(?!(admin|db|uploads|reference-data)/)[^/]+/|apps/|@stagebrug/(?!(db|uploads|reference-data)$))|bullmq|ioredis|nodemailer',
      },
    },
    {
      name: 'packages-never-import-apps',
      comment: 'apps are composition roots; nothing imports them.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-deep-imports',
      comment: 'Workspace packages are used through their "." export only.',
      severity: 'error',
      from: { path: '^((?:packages|apps)/[^/]+|test)/' },
      to: { path: '^packages/[^/]+/src/', pathNot: ['^$1/', '^packages/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'nothing-imports-test',
      comment:
        'test/ holds cross-package suites and shared test support; production code never imports from it.',
      severity: 'error',
      from: { pathNot: '^test/|^(packages|apps)/[^/]+/test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.toolchain)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@stagebrug/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
}
