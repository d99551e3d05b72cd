import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatNumber, general, roundTo } from '../../src/parse/xlsx/number-format.ts'

test('money prints with its format: two decimals, no float noise, decimal rounding as Excel rounds', () => {
  assert.equal(formatNumber(415.89000000000004, '0.00'), '415.89')
  assert.equal(formatNumber(177.72 + 64.28, '0.00'), '242.00')
  assert.equal(formatNumber(1.005, '0.00'), '1.01') // toFixed gives 1.00
  assert.equal(formatNumber(2.675, '0.00'), '2.68') // toFixed gives 2.67
  assert.equal(formatNumber(1234567.891, '#,##0.00'), '1,234,567.89')
  assert.equal(formatNumber(47483458, '#,##0'), '47,483,458') // 元 tables keep integers
  assert.equal(formatNumber(12.5, '0'), '13')
  assert.equal(formatNumber(0.3456, '0.0000'), '0.3456')
})

test('General shows 15 significant digits without trailing zeros', () => {
  assert.equal(general(415.89000000000004), '415.89')
  assert.equal(general(0.1 + 0.2), '0.3')
  assert.equal(general(11.5), '11.5')
  assert.equal(general(-3), '-3')
  assert.equal(general(0.000123), '0.000123')
  assert.equal(formatNumber(415.89000000000004, 'General'), '415.89')
  assert.equal(formatNumber(7, '@'), '7')
})

test('negative numbers always carry a minus; zero sections of accounting formats print their dash', () => {
  assert.equal(formatNumber(-5, '#,##0.00;[Red]\\(#,##0.00\\)'), '-5.00')
  assert.equal(formatNumber(-5, '#,##0.00;[Red]#,##0.00'), '-5.00')
  assert.equal(formatNumber(-0.001, '0.00'), '0.00')
  assert.equal(formatNumber(0, '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'), '-')
  assert.equal(formatNumber(0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '), '-')
  assert.equal(formatNumber(0, '0.00;-0.00;0.00'), '0.00')
  assert.equal(formatNumber(1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '), '1,234.50')
})

test('literals, colours and currency symbols are left out; percentages keep their sign', () => {
  assert.equal(formatNumber(3, '"¥"#,##0.00'), '3.00')
  assert.equal(formatNumber(3, '[$¥-804]#,##0.00'), '3.00')
  assert.equal(formatNumber(3, '0.00"万元"'), '3.00')
  assert.equal(formatNumber(0.125, '0.00%'), '12.50%')
  assert.equal(formatNumber(0.5, '0%'), '50%')
})

test('dates print with their format from the serial (1900 and 1904 systems)', () => {
  assert.equal(formatNumber(45658, 'yyyy"年"m"月"d"日"'), '2025年1月1日')
  assert.equal(formatNumber(45658, 'yyyy/m/d'), '2025/1/1')
  assert.equal(formatNumber(45658.5, 'yyyy-mm-dd hh:mm'), '2025-01-01 12:00')
  assert.equal(formatNumber(44196, 'yyyy-mm-dd', true), '2025-01-01')
})

test('roundTo rounds half away from zero on the decimal digits', () => {
  assert.equal(roundTo(0, 2), '0.00')
  assert.equal(roundTo(0.005, 2), '0.01')
  assert.equal(roundTo(0.0049999, 2), '0.00')
  assert.equal(roundTo(99.995, 2), '100.00')
  assert.equal(roundTo(123456789.125, 2), '123456789.13')
})
