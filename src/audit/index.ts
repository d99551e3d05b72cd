/** The audit stage: rules over the canonical model, a Frictionless-style report, output formats. */
export { audit, ruleUrl, type AuditOptions, type AuditReport, type Lang } from './engine.ts'
export { defineRule, format, type At, type Category, type Report, type Rule, type RuleOptions } from './define-rule.ts'
export { rules } from './rules/index.ts'
export { formatHuman, formatJson, formatSarif, position, type FileAudit, type Format, type SourceLines } from './report.ts'
