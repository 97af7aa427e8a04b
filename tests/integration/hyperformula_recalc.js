// Recalculates workbooks in HyperFormula, an engine that follows Excel's behaviour
// (tests/integration/hyperformula.py writes its input from a saved .xlsx).
//
//   node hyperformula_recalc.js < books.jsonl > values.jsonl
//
// Each input line is a book: {"sheets": [{"name": ..., "cells": [[row, column, content], ...]}]}
// where content is a number, a boolean, a string, or a formula "=..." in Excel's syntax. Each
// output line holds the values of that book: [[sheet index, row, column, value], ...] for every
// formula cell, a value being a number, a string, a boolean, null (empty) or {"error": "#VALUE!"}.
// The first book is built from scratch; a later one with the same sheets (the same file filled
// otherwise) is entered into the engine as the cells that differ from the book before it, as a
// person's edits are, and recalculated (parsing 15,000 long formulas again would take half a
// minute a book).
//
// HyperFormula's configuration is its default (Excel's 15-digit rounding of results and its
// tolerance in comparisons included), so that the file is judged as Excel would compute it,
// but for ROUND: HyperFormula rounds the binary value (ROUND(1.005;2) = 1, ROUND(0.285;2) =
// 0.28), Excel the decimal figure it shows to 15 digits (1.01, 0.29), as LibreOffice and
// Gnumeric do; ROUND here is Excel's.
'use strict';
const { HyperFormula, FunctionPlugin, FunctionArgumentType } = require('hyperformula');

/** Excel's ROUND: x to `places` decimals, half away from zero, on x's 15 significant digits. */
function excelRound(x, places) {
  places = Math.trunc(places);
  if (x === 0 || !Number.isFinite(x)) return x;
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split('e');
  const digits = mantissa.replace('.', '');          // 15 digits d1 d2 ... : 0.d1d2... x 10^(e+1)
  const keep = Number(exponent) + 1 + places;        // how many of them the result keeps
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  const kept = Number(digits.slice(0, keep) || '0') + (digits[keep] >= '5' ? 1 : 0);
  return Math.sign(x) * Number(kept + 'e' + (Number(exponent) + 1 - keep));
}

class ExcelRounding extends FunctionPlugin {
  round(ast, state) {
    return this.runFunction(ast.args, state, this.metadata('ROUND'), excelRound);
  }
}
ExcelRounding.implementedFunctions = {
  ROUND: { method: 'round', parameters: [
    { argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }] },
};
HyperFormula.unregisterFunction('ROUND');
HyperFormula.registerFunctionPlugin(ExcelRounding, { enGB: { ROUND: 'ROUND' } });

/** {sheet name: Map("row,column" -> content)} of a book. */
function contents(book) {
  const out = new Map();
  for (const s of book.sheets) out.set(s.name, new Map(s.cells.map(([r, c, v]) => [r + ',' + c, v])));
  return out;
}

function build(book) {
  const sheets = {};
  for (const s of book.sheets) {
    const rows = [];
    for (const [r, c, content] of s.cells) {
      while (rows.length <= r) rows.push([]);
      rows[r][c] = content;
    }
    sheets[s.name] = rows.map(row => Array.from(row, v => (v === undefined ? null : v)));
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
}

/** Enters into `hf` the cells in which `now` differs from `before` (same sheets). */
function edit(hf, before, now) {
  hf.batch(() => {
    for (const [name, cells] of now) {
      const id = hf.getSheetId(name), old = before.get(name);
      const put = (key, v) => {
        const [r, c] = key.split(',').map(Number);
        hf.setCellContents({ sheet: id, row: r, col: c }, [[v]]);
      };
      for (const [key, v] of cells) if (old.get(key) !== v) put(key, v);
      for (const key of old.keys()) if (!cells.has(key)) put(key, null);
    }
  });
}

const sameSheets = (a, b) => a.size === b.size && [...a.keys()].every(name => b.has(name));

let hf = null, before = null;
require('readline').createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', line => {
  const book = JSON.parse(line), now = contents(book);
  if (hf !== null && sameSheets(before, now)) {
    edit(hf, before, now);
  } else {
    if (hf !== null) hf.destroy();
    hf = build(book);
  }
  before = now;
  const out = [];
  book.sheets.forEach((s, i) => {
    const id = hf.getSheetId(s.name);
    for (const [r, c, content] of s.cells) {
      if (typeof content !== 'string' || !content.startsWith('=')) continue;
      const v = hf.getCellValue({ sheet: id, row: r, col: c });
      out.push([i, r, c, v !== null && typeof v === 'object' ? { error: v.value, message: v.message } : v]);
    }
  });
  process.stdout.write(JSON.stringify(out) + '\n');
});
