import type { ModelIndex, ModelShift } from '../context.js';

/** x columns of one employee, in candidate order. */
export function shiftsOf(index: ModelIndex, employeeId: string): ModelShift[] {
  return index.shifts.get(employeeId) ?? [];
}

/** Columns of x covering interval t, per employee (built once). */
export function coverage(index: ModelIndex, employeeId: string): Map<number, number[]> {
  const cover = new Map<number, number[]>();
  for (const shift of shiftsOf(index, employeeId)) {
    for (let t = shift.first; t < shift.last; t += 1) {
      const list = cover.get(t) ?? [];
      list.push(shift.col);
      cover.set(t, list);
    }
  }
  return cover;
}
