/**
 * The facts of the small 部门支出总体情况表 (201, 2010350, 2080505 and 合计) that the DOCX, HTML and
 * XLSX reader tests each write in their own format; checked by hand against the rows they write.
 */
export const EXPENDITURE_FACTS = [
  'expenditure,201,total,390.05',
  'expenditure,201,basic,177.72',
  'expenditure,201,project,212.33',
  'expenditure,2010350,total,242.00',
  'expenditure,2010350,basic,177.72',
  'expenditure,2010350,project,64.28',
  'expenditure,2080505,total,11.50',
  'expenditure,2080505,basic,11.50',
  'expenditure,total,total,401.55',
  'expenditure,total,basic,189.22',
  'expenditure,total,project,212.33',
]
