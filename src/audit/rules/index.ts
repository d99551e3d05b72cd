import type { Rule } from '../define-rule.ts'
import codeBasicSplit from './code-basic-split.ts'
import codeKnown from './code-known.ts'
import codeName from './code-name.ts'
import complianceEmptyTableExplained from './compliance-empty-table-explained.ts'
import complianceSectionsPresent from './compliance-sections-present.ts'
import complianceTablesPresent from './compliance-tables-present.ts'
import complianceThreePublicReasons from './compliance-three-public-reasons.ts'
import crossEntrustedVsGeneralProject from './cross-entrusted-vs-general-project.ts'
import crossFiscalSummaryVsGeneralExpenditure from './cross-fiscal-summary-vs-general-expenditure.ts'
import crossFiscalSummaryVsIncome from './cross-fiscal-summary-vs-income.ts'
import crossFundTablesVsFiscalSummary from './cross-fund-tables-vs-fiscal-summary.ts'
import crossGeneralBasicVsGeneralExpenditure from './cross-general-basic-vs-general-expenditure.ts'
import crossGeneralProjectVsGeneralExpenditure from './cross-general-project-vs-general-expenditure.ts'
import crossSummaryVsExpenditure from './cross-summary-vs-expenditure.ts'
import crossSummaryVsFiscalSummary from './cross-summary-vs-fiscal-summary.ts'
import crossSummaryVsIncome from './cross-summary-vs-income.ts'
import crossThreePublicVsEconomic from './cross-three-public-vs-economic.ts'
import narrativeAmount from './narrative-amount.ts'
import narrativeChangeRate from './narrative-change-rate.ts'
import narrativeOperatingCosts from './narrative-operating-costs.ts'
import narrativeShare from './narrative-share.ts'
import narrativeSumOfParts from './narrative-sum-of-parts.ts'
import performanceAmounts from './performance-amounts.ts'
import performanceCounts from './performance-counts.ts'
import performancePreviousValue from './performance-previous-value.ts'
import performanceScoring from './performance-scoring.ts'
import performanceWeights from './performance-weights.ts'
import sumColumnTotal from './sum-column-total.ts'
import sumFiscalSummaryBalance from './sum-fiscal-summary-balance.ts'
import sumHierarchy from './sum-hierarchy.ts'
import sumRowIdentity from './sum-row-identity.ts'
import sumSummaryBalance from './sum-summary-balance.ts'
import sumThreePublic from './sum-three-public.ts'
import yearChange from './year-change.ts'

/**
 * Every audit rule, sorted by id: an explicit list (ESLint's lib/rules/index.js), not a
 * filesystem scan. Add a rule by importing its module here, in id order.
 */
export const rules: readonly Rule<string>[] = [
  codeBasicSplit,
  codeKnown,
  codeName,
  complianceEmptyTableExplained,
  complianceSectionsPresent,
  complianceTablesPresent,
  complianceThreePublicReasons,
  crossEntrustedVsGeneralProject,
  crossFiscalSummaryVsGeneralExpenditure,
  crossFiscalSummaryVsIncome,
  crossFundTablesVsFiscalSummary,
  crossGeneralBasicVsGeneralExpenditure,
  crossGeneralProjectVsGeneralExpenditure,
  crossSummaryVsExpenditure,
  crossSummaryVsFiscalSummary,
  crossSummaryVsIncome,
  crossThreePublicVsEconomic,
  narrativeAmount,
  narrativeChangeRate,
  narrativeOperatingCosts,
  narrativeShare,
  narrativeSumOfParts,
  performanceAmounts,
  performanceCounts,
  performancePreviousValue,
  performanceScoring,
  performanceWeights,
  sumColumnTotal,
  sumFiscalSummaryBalance,
  sumHierarchy,
  sumRowIdentity,
  sumSummaryBalance,
  sumThreePublic,
  yearChange,
] as Rule<string>[]
