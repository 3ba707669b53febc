// The atlas statistics engine: pure functions, one file per topic. Methods and sources are
// described in each module and in ../shared/reference/methods.md.

export type { Comparison, Estimate, EstimateOptions, Polarity } from './types.ts';
export { finiteOrNull, missingEstimate } from './types.ts';

export {
  exactPoissonLower,
  exactPoissonUpper,
  isValidConfidence,
  qchisq,
  qgamma,
  qnorm,
  qt,
  zForConfidence,
} from './distributions.ts';

export {
  isValidProportionInput,
  proportionEstimate,
  proportionInto,
  wilsonLower,
  wilsonLowerZ,
  wilsonUpper,
  wilsonUpperZ,
} from './proportion.ts';

export {
  BYAR_THRESHOLD,
  byarsLower,
  byarsLowerZ,
  byarsUpper,
  byarsUpperZ,
  poissonCountLower,
  poissonCountUpper,
  rateEstimate,
  rateInto,
} from './rate.ts';

export { type MeanEstimate, meanEstimate, meanEstimateFromSummary } from './mean.ts';

export { DSR_MIN_COUNT, type DsrEstimate, ESP2013, dsrEstimate, dsrEstimateNonIndependent } from './dsr.ts';

export {
  type IsrEstimate,
  expectedCount,
  isRate,
  isRateFromTotals,
  isRatio,
  isRatioFromTotals,
  observedCount,
} from './isr.ts';

export {
  type TwoLevelComparison,
  compareSpcDsr,
  compareSpcProportion,
  compareWithBenchmark,
  compareWithBenchmarkTwoLevels,
  judge,
  poissonLimitsOfExpected,
  spcProportionLimits,
} from './comparison.ts';

export {
  FUNNEL_POINTS,
  type FunnelRateType,
  type FunnelSignificance,
  type ProportionFunnelPoint,
  type RateFunnelOptions,
  type RateFunnelPoint,
  type RatioFunnelPoint,
  derivedRateDenominators,
  phePoissonFunnel,
  pooledProportion,
  proportionFunnel,
  proportionFunnelLimits,
  proportionFunnelPoint,
  proportionFunnelSignificance,
  rateFunnel,
  rateFunnelPoints,
  rateFunnelSignificance,
  ratioFunnel,
  ratioFunnelSignificance,
  rCharacterWidth,
  roundHalfEven,
  signifCeiling,
  signifFloor,
} from './funnel.ts';

export {
  type QuantileOptions,
  assignQuantiles,
  assignQuantilesGrouped,
  categoryBounds,
  categoryOf,
  invertForPolarity,
} from './quantiles.ts';

export {
  TREND_CHI_SQUARE_CRITICAL,
  TREND_POINTS,
  type TrendMarker,
  type TrendResult,
  proportionTrend,
  rateTrend,
  trendJudgement,
} from './trend.ts';

export {
  empiricalBayesByParent,
  empiricalBayesGlobal,
  empiricalBayesLocal,
  excessRisk,
  spatialRate,
} from './smoothing.ts';

export {
  type SiiInput,
  type SiiLimits,
  type SiiOptions,
  type SiiResult,
  type SiiValueType,
  slopeIndexOfInequality,
} from './inequality.ts';
