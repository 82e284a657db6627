/**
 * Where a team's decisions live, by default: architecture decision records, RFCs and design
 * docs (by folder), and the contracts other code depends on (API descriptions and schemas).
 * Matched case-insensitively against repo-relative paths; `multiplier.decisionFiles` replaces
 * the whole list.
 */
export const DEFAULT_DECISION_FILES: readonly string[] = Object.freeze([
  '**/{adr,adrs,decisions,rfcs,design}/**',
  '**/*.proto',
  '**/{openapi,swagger}*',
  '**/*.{graphql,graphqls,gql}',
  '**/*.avsc',
  '**/*.schema.json',
]);
