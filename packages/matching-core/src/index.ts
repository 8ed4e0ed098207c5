// @stagebrug/matching-core — the pure matching engine. Explicit exports only.

export { allocateCandidates, candidateProblem } from './allocation/allocate-candidates.js'
export { checkStability, type StabilityReport } from './allocation/check-stability.js'
export { deferredAcceptance, type IntProblem } from './allocation/deferred-acceptance.js'
export { AllocationInputError } from './allocation/problem.js'
export {
  type AllocationPlace,
  type AllocationProblem,
  type AllocationResult,
  type AllocationStudent,
  stableAllocate,
} from './allocation/stable-allocate.js'
export type { CandidateLists } from './candidates/candidate-lists.js'
export { generateCandidates } from './candidates/generate.js'
export { compileInstance, type MatchOptions } from './compile/compile.js'
export type { CompiledInstance } from './compile/compiled.js'
export { nightWorkMinimumAge } from './compile/night-work.js'
export {
  DEFAULT_MATCH_CONFIG,
  type MatchConfig,
  type MatchConfigInput,
  resolveConfig,
  type ScoreWeights,
} from './config.js'
export {
  explainMissing,
  explainProposal,
  explainUnmatched,
  type MissingNames,
  type Reason,
  type ReasonCode,
  RULE_LABELS_NL,
  UNMATCHED_LABELS_NL,
} from './explain.js'
export { match } from './match.js'
export type {
  BlockedPair,
  Brand,
  CompanyId,
  CompetenceId,
  IsoDate,
  Location,
  MatchInput,
  Mentor,
  Period,
  PinnedPair,
  Place,
  PlaceCompetence,
  PlaceId,
  PlaceKind,
  ProgrammeId,
  Recognition,
  SchoolId,
  Seeks,
  Student,
  StudentId,
  TimeOfDay,
  TravelFrom,
  Wish,
  WorkingHours,
  WorkReadiness,
} from './model.js'
export { mergeResults, mergeSummaries } from './partition/merge.js'
export { type MatchPart, type MatchPlan, planParts } from './partition/plan.js'
export { foldName, normaliseName } from './resolve/normalise.js'
export {
  createResolver,
  type Resolution,
  type Resolver,
  type ResolverEntry,
  type ResolverOptions,
  type Suggestion,
} from './resolve/resolver.js'
export {
  type CompetenceResolver,
  createCompetenceResolver,
  createStatementSearch,
  groupIdenticalStatements,
  type Statement,
  type StatementGroup,
  type StatementHit,
} from './resolve/statements.js'
export type {
  MatchResult,
  MatchSummary,
  MissingAt,
  PlaceOutcome,
  Proposal,
  ProposalKind,
  ReserveCandidate,
  StudentOutcome,
  UnmatchedCode,
  UnmatchedReason,
} from './result.js'
export {
  isWorkplaceRiskCode,
  WORKPLACE_RISK_CODES,
  WORKPLACE_RISK_LABELS_NL,
  type WorkplaceRiskCode,
} from './risks.js'
export { evaluatePair, RULE_CODES, RULES, type RuleCode, type Verdict } from './rules/index.js'
export type { ScoreBreakdown } from './scoring/combine.js'
export { buildResult } from './shortlist/build.js'
export { ageOn, isoToYmd } from './util/dates.js'
export { distanceKm } from './util/geo.js'
