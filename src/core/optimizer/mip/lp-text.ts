import { type MipModel, numCols, numRows } from './sparse.js';

/**
 * The model as CPLEX LP text, for export, debugging and `highs.solve(text)`. Columns are written
 * as c<j> and rows as r<i> (the model's descriptive names are not LP-safe); the text is built from
 * chunks joined once, so millions of non-zeros take seconds, not minutes.
 */
export function toLpText(model: MipModel): string {
  const chunks: string[] = ['Minimize\n obj:'];
  const term = (coef: number, col: number) => `${coef < 0 ? ' -' : ' +'} ${Math.abs(coef)} c${col}`;
  let line: string[] = [];
  const flush = () => {
    if (line.length > 0) chunks.push(line.join(''), '\n');
    line = [];
  };
  for (let j = 0; j < numCols(model); j += 1) {
    if (model.colCost[j] !== 0) line.push(term(model.colCost[j], j));
    if (line.length >= 50) flush();
  }
  if (model.objectiveOffset !== 0)
    line.push(`${model.objectiveOffset < 0 ? ' -' : ' +'} ${Math.abs(model.objectiveOffset)}`);
  flush();
  chunks.push('\nSubject To\n');
  for (let i = 0; i < numRows(model); i += 1) {
    chunks.push(` r${i}:`);
    const start = model.rowStarts[i];
    const end = model.rowStarts[i + 1];
    if (start === end) line.push(' 0 c0');
    for (let k = start; k < end; k += 1) {
      line.push(term(model.values[k], model.indices[k]));
      if (line.length >= 50) flush();
    }
    const sense = model.rowSense[i] === 'L' ? '<=' : model.rowSense[i] === 'G' ? '>=' : '=';
    line.push(` ${sense} ${model.rowRhs[i]}`);
    flush();
  }
  chunks.push('Bounds\n');
  const integers: string[] = [];
  for (let j = 0; j < numCols(model); j += 1) {
    const lower = model.colLower[j] === -Infinity ? '-inf' : String(model.colLower[j]);
    const upper = model.colUpper[j] === Infinity ? '+inf' : String(model.colUpper[j]);
    chunks.push(` ${lower} <= c${j} <= ${upper}\n`);
    if (model.colInteger[j] === 1) integers.push(` c${j}`);
  }
  if (integers.length > 0) {
    chunks.push('General\n');
    for (let k = 0; k < integers.length; k += 50)
      chunks.push(integers.slice(k, k + 50).join(''), '\n');
  }
  chunks.push('End\n');
  return chunks.join('');
}
