import type { Rule } from '../define-rule.ts'
import codeKnown from './code-known.ts'
import codeName from './code-name.ts'
import crossEntrustedVsGeneralProject from './cross-entrusted-vs-general-project.ts'
import crossFiscalSummaryVsGeneralExpenditure from './cross-fiscal-summary-vs-general-expenditure.ts'
import crossFiscalSummaryVsIncome from './cross-fiscal-summary-vs-income.ts'
import crossFundTablesVsFiscalSummary from './cross-fund-tables-vs-fiscal-summary.ts'
import crossGeneralBasicVsGeneralExpenditure from './cross-general-basic-vs-general-expenditure.ts'
import crossGeneralProjectVsGeneralExpenditure from './cross-general-project-vs-general-expenditure.ts'
import crossSummaryVsExpenditure from './cross-summary-vs-expenditure.ts'
import crossSummaryVsIncome from './cross-summary-vs-income.ts'
import crossThreePublicVsEconomic from './cross-three-public-vs-economic.ts'
import sumColumnTotal from './sum-column-total.ts'
import sumFiscalSummaryBalance from './sum-fiscal-summary-balance.ts'
import sumHierarchy from './sum-hierarchy.ts'
import sumRowIdentity from './sum-row-identity.ts'
import sumSummaryBalance from './sum-summary-balance.ts'
import sumThreePublic from './sum-three-public.ts'

/**
 * Every audit rule, sorted by id: an explicit list (ESLint's lib/rules/index.js), not a
 * filesystem scan. Add a rule by importing its module here, in id order.
 */
export const rules: readonly Rule<string>[] = [
  codeKnown,
  codeName,
  crossEntrustedVsGeneralProject,
  crossFiscalSummaryVsGeneralExpenditure,
  crossFiscalSummaryVsIncome,
  crossFundTablesVsFiscalSummary,
  crossGeneralBasicVsGeneralExpenditure,
  crossGeneralProjectVsGeneralExpenditure,
  crossSummaryVsExpenditure,
  crossSummaryVsIncome,
  crossThreePublicVsEconomic,
  sumColumnTotal,
  sumFiscalSummaryBalance,
  sumHierarchy,
  sumRowIdentity,
  sumSummaryBalance,
  sumThreePublic,
] as Rule<string>[]
