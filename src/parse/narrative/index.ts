import type { Diagnostic, Disclosure, Table } from '../../model/index.ts'
import type { Layout } from '../layout.ts'

/** Everything the model carries besides the tables. */
export type Narrative = Pick<Disclosure, 'overview' | 'sections' | 'claims' | 'performance' | 'glossary'> &
  Partial<Pick<Disclosure, 'operatingCosts' | 'procurement' | 'assets'>>

/** Read 部门概况, 第三部分 and 名词解释. (Placeholder: filled in by the narrative readers.) */
export function readNarrative(_layout: Layout, _tables: Table[], _diagnostics: Diagnostic[]): Narrative {
  return {
    overview: { units: [], staffing: {} },
    sections: [],
    claims: [],
    performance: { counts: [], tables: [], notes: [] },
    glossary: [],
  }
}
