import { isCertified } from '../../../rules/credentials.js';
import { supervisionRefusal } from '../../../rules/eligibility.js';
import { countsTowardRatio } from '../../../rules/supervision.js';
import { type EntryCols, type ModelIndex, type SupervisedCell } from '../context.js';
import { varName } from '../names.js';
import { type MipModel, addBinary, addCol, addRow } from '../sparse.js';
import { coverage } from './columns.js';

/** Supervision families: shared pharmacist capacity, the ratio rules, presence inequalities. */

/** A ratio cell's counted columns, grouped by the technician they belong to. */
function countedColumnsByTechnician(cell: SupervisedCell): Map<string, number[]> {
  const byTechnician = new Map<string, number[]>();
  cell.countedCols.forEach((col, k) => {
    const technicianId = cell.countedTechnicians[k];
    const cols = byTechnician.get(technicianId);
    if (cols) cols.push(col);
    else byTechnician.set(technicianId, [col]);
  });
  return byTechnician;
}

/**
 * supervisionShareCapacity: z[p,t,S] exists for pharmacists p on a candidate covering t who may
 * supervise S on t's date (`supervisionRefusal` null), for the supervised (t, S): states with a
 * RATIO rule in force and at least one counted y. Σ_S z[p,t,S] <= Σ_{s ∋ t} x[p,s] (on duty, and
 * shares sum to at most 1). Creates the supervised cells and z.
 */
export function supervisionShareCapacity(model: MipModel, index: ModelIndex): void {
  const { grid, rules } = index;
  const technicians = new Map(index.employees.map((employee) => [employee.id, employee]));
  for (const cell of index.cells.values()) {
    const date = grid.intervalDates[cell.intervalIndex];
    const ruleSet = rules.inForce(cell.state, date);
    if (!ruleSet || ruleSet.supervision.kind !== 'RATIO') continue;
    const key = `${cell.intervalIndex}|${cell.state}`;
    let supervised = index.supervised.get(key);
    cell.cols.forEach((col, k) => {
      const technician = technicians.get(cell.technicianIds[k])!;
      if (!countsTowardRatio(ruleSet, technician)) return;
      if (!supervised) {
        supervised = {
          key,
          intervalIndex: cell.intervalIndex,
          state: cell.state,
          rule: ruleSet.supervision as SupervisedCell['rule'],
          countedCols: [],
          countedTechnicians: [],
          certifiedCols: [],
          zCols: [],
          pharmacistIds: [],
          tiers: [],
          anyTechnician: -1,
        };
        index.supervised.set(key, supervised);
      }
      supervised.countedCols.push(col);
      supervised.countedTechnicians.push(technician.id);
      if (isCertified(technician, date)) supervised.certifiedCols.push(col);
    });
  }
  const byInterval = new Map<number, SupervisedCell[]>();
  for (const cell of index.supervised.values()) {
    const list = byInterval.get(cell.intervalIndex) ?? [];
    list.push(cell);
    byInterval.set(cell.intervalIndex, list);
  }
  for (const pharmacist of index.employees) {
    if (pharmacist.role !== 'PHARMACIST') continue;
    const cover = coverage(index, pharmacist.id);
    for (const [t, xs] of cover) {
      const date = grid.intervalDates[t];
      const zs: number[] = [];
      for (const cell of byInterval.get(t) ?? []) {
        if (
          supervisionRefusal(pharmacist, cell.state, date, rules.inForce(cell.state, date)) !== null
        )
          continue;
        const col = addCol(model, varName('z', { p: pharmacist.id, t, S: cell.state }), 0, 1);
        cell.zCols.push(col);
        cell.pharmacistIds.push(pharmacist.id);
        index.zCol.set(`${pharmacist.id}|${t}|${cell.state}`, col);
        zs.push(col);
      }
      if (zs.length === 0) continue;
      addRow(
        model,
        varName('share_capacity', { p: pharmacist.id, t }),
        [...zs, ...xs],
        [...zs.map(() => 1), ...xs.map(() => -1)],
        'L',
        0,
      );
    }
  }
}

/**
 * supervisionRatio, per supervised (t, S) with T = Σ counted y, C = Σ counted certified y,
 * U = T - C, P = Σ_p z[p,t,S]. The checker's rule: compliant iff for some tier k there is p with
 * p <= P, cap_k(p) >= T, U <= maxU·p, m_k·p <= C (cap_k(p) = f·p for p <= 1, f + a·(p-1) beyond).
 *
 * 'exact' (used to build rosters): a column p_k per tier (p_k = P itself when the rule has one tier
 * without certified minimum), Σ_k p_k <= P; with several tiers a binary τ_k selects one
 * (Σ τ_k = 1, p_k <= Pmax·τ_k, the tier's rows relaxed by M·(1 - τ_k) with M = Tmax (+a)).
 * Capacity when a <= f (concave): T <= f·p_k and T <= a·p_k + f - a (exact). When a > f (convex,
 * CA: 1 then 2): with b = [T >= 1] (Σ_q y[e,t,q,S] <= b per technician), a·p_k >= T + (a - f)·b
 * (the same integer set as T - f + a·b, tighter when b is fractional), exact for f <= 1 (all
 * samples), conservative for f > 1 (requires 1 + (T-f)/a instead of T/f for 1 <= T < f).
 * Uncertified: T - C <= maxU·p_k. Certified minimum: m_k·p_k <= C. Never optimistic.
 *
 * 'relaxed' (used for bounds when 'exact' is not a relaxation): T <= F·P with F = max_k max(f_k,
 * a_k) (cap_k(p) <= F·p for all p >= 0) and T - C <= maxU·P: implied by every tier, so every
 * checker-feasible allocation satisfies it.
 */
export function supervisionRatio(model: MipModel, index: ModelIndex): void {
  for (const cell of index.supervised.values()) {
    const keys = { t: cell.intervalIndex, S: cell.state };
    if (cell.zCols.length === 0) {
      const T = cell.countedCols;
      addRow(model, varName('ratio_no_supervisor', keys), T, ones(T), 'L', 0);
    } else if (index.supervisionMode === 'relaxed') relaxedRatioRows(model, cell, keys);
    else exactRatioRows(model, cell, keys);
  }
}

type CellKeys = { readonly t: number; readonly S: string };

function ones(cols: readonly number[], coef = 1): number[] {
  return cols.map(() => coef);
}

/** T - C as coefficients over [...T, ...C]. */
function uncertifiedCoefs(cell: SupervisedCell): number[] {
  return [...ones(cell.countedCols), ...ones(cell.certifiedCols, -1)];
}

/** 'relaxed': T <= F·P and T - C <= maxU·P. */
function relaxedRatioRows(model: MipModel, cell: SupervisedCell, keys: CellKeys): void {
  const { countedCols: T, certifiedCols: C, zCols: Z, rule } = cell;
  const F = Math.max(
    ...rule.tiers.map((tier) => Math.max(tier.firstPharmacist, tier.eachAdditionalPharmacist)),
  );
  addRow(
    model,
    varName('ratio_relaxed_cap', keys),
    [...T, ...Z],
    [...ones(T), ...ones(Z, -F)],
    'L',
    0,
  );
  if (rule.maxUncertifiedPerPharmacist !== null) {
    addRow(
      model,
      varName('ratio_relaxed_uncert', keys),
      [...T, ...C, ...Z],
      [...uncertifiedCoefs(cell), ...ones(Z, -rule.maxUncertifiedPerPharmacist)],
      'L',
      0,
    );
  }
}

/** 'exact': the indicator b for convex tiers, each tier's rows, Σ_k p_k <= P, Σ_k τ_k = 1. */
function exactRatioRows(model: MipModel, cell: SupervisedCell, keys: CellKeys): void {
  const { rule } = cell;
  const pMax = cell.zCols.length;
  const several = rule.tiers.length > 1;
  const needP = several || rule.tiers.some((tier) => tier.minCertifiedTechnicians > 0);
  if (rule.tiers.some((tier) => tier.eachAdditionalPharmacist > tier.firstPharmacist))
    anyTechnicianIndicator(model, cell, keys);
  const pCols: number[] = [];
  const selects: number[] = [];
  rule.tiers.forEach((tier, k) => {
    const p = needP ? addCol(model, varName('p', { ...keys, k }), 0, pMax) : -1;
    const select = several ? addBinary(model, varName('tier', { ...keys, k })) : -1;
    cell.tiers.push({ tier, p, select });
    if (p >= 0) pCols.push(p);
    if (select >= 0) {
      selects.push(select);
      addRow(model, varName('ratio_tier_use', { ...keys, k }), [p, select], [1, -pMax], 'L', 0);
    }
    tierRows(model, cell, keys, k);
  });
  if (pCols.length > 0) {
    const Z = cell.zCols;
    addRow(
      model,
      varName('ratio_share_sum', keys),
      [...pCols, ...Z],
      [...ones(pCols), ...ones(Z, -1)],
      'L',
      0,
    );
  }
  if (selects.length > 0)
    addRow(model, varName('ratio_one_tier', keys), selects, ones(selects), 'E', 1);
}

/** b = any[t,S] >= every counted technician's allocation (not just T <= Tmax·b: much stronger in the LP). */
function anyTechnicianIndicator(model: MipModel, cell: SupervisedCell, keys: CellKeys): void {
  const b = addBinary(model, varName('any', keys));
  cell.anyTechnician = b;
  for (const [technicianId, cols] of countedColumnsByTechnician(cell)) {
    addRow(
      model,
      varName('ratio_any', { ...keys, e: technicianId }),
      [...cols, b],
      [...ones(cols), -1],
      'L',
      0,
    );
  }
}

/**
 * Tier k's capacity, uncertified and certified-minimum rows over its p-expression (p_k, or Σ z
 * when there is no p_k column), each relaxed by M·(1 - τ_k) when a selector τ_k exists.
 */
function tierRows(model: MipModel, cell: SupervisedCell, keys: CellKeys, k: number): void {
  const { countedCols: T, certifiedCols: C, rule } = cell;
  const { tier, p, select } = cell.tiers[k];
  const tMax = T.length;
  const pc = p >= 0 ? [p] : cell.zCols;
  const f = tier.firstPharmacist;
  const a = tier.eachAdditionalPharmacist;
  /** Adds `lhs <= rhs`, relaxed by M·(1 - τ_k) when a selector exists. */
  const guarded = (name: string, cols: number[], coefs: number[], rhs: number, M: number) => {
    const rowName = varName(name, { ...keys, k });
    if (select >= 0) addRow(model, rowName, [...cols, select], [...coefs, M], 'L', rhs + M);
    else addRow(model, rowName, cols, coefs, 'L', rhs);
  };
  if (a <= f) {
    guarded('ratio_cap', [...T, ...pc], [...ones(T), ...ones(pc, -f)], 0, tMax);
    if (a < f) guarded('ratio_cap_more', [...T, ...pc], [...ones(T), ...ones(pc, -a)], f - a, tMax);
  } else {
    guarded(
      'ratio_cap_convex',
      [...T, cell.anyTechnician, ...pc],
      [...ones(T), a - f, ...ones(pc, -a)],
      0,
      tMax + a,
    );
  }
  if (rule.maxUncertifiedPerPharmacist !== null) {
    guarded(
      'ratio_uncertified',
      [...T, ...C, ...pc],
      [...uncertifiedCoefs(cell), ...ones(pc, -rule.maxUncertifiedPerPharmacist)],
      0,
      tMax,
    );
  }
  if (tier.minCertifiedTechnicians > 0 && p >= 0) {
    addRow(
      model,
      varName('ratio_certified', { ...keys, k }),
      [p, ...C],
      [tier.minCertifiedTechnicians, ...ones(C, -1)],
      'L',
      0,
    );
  }
}

/**
 * Up to this many employees in the model, supervisorPresence rows repeat the sum N itself (the
 * small MIP proves faster that way, measured); beyond, N is one column with a definition row
 * (medium: 0.61 M instead of 2.1 M non-zeros).
 */
export const PRESENCE_DIRECT_MAX_EMPLOYEES = 40;

/**
 * supervisorPresence (valid inequalities, after the objective terms): in a supervised (t, S) a
 * counted technician may work only while at least one pharmacist who may supervise S is on duty,
 * N = Σ_{p ∈ Z(t,S)} Σ_{s ∋ t} x[p,s] (an integer in every roster):
 *   Σ_q y[e,t,q,S] <= N     for every counted technician e;
 *   short_j + r_j·N >= r_j   for every demand entry j of (t, ·, S) whose technicians all count;
 *   u_{j,k} <= N             for every lost-service increment of such an entry.
 * With N = 0 the technicians' allocation is 0, so shortage is the whole requirement and no
 * increment is staffed; with N >= 1 the rows are slack. Exactly the same integer solutions; a
 * much tighter LP where pharmacists' shifts are fractional. For convex tiers the same rows are
 * also written with b = any[t,S] in place of N (b >= every technician's allocation).
 */
export function supervisorPresence(model: MipModel, index: ModelIndex): void {
  const covers = new Map<string, Map<number, number[]>>();
  const coverOf = (id: string) => {
    let cover = covers.get(id);
    if (!cover) {
      cover = coverage(index, id);
      covers.set(id, cover);
    }
    return cover;
  };
  const direct = index.employees.length <= PRESENCE_DIRECT_MAX_EMPLOYEES;
  const entriesByCell = new Map<string, EntryCols[]>();
  for (const cols of index.entryCols) {
    const key = `${cols.entry.intervalIndex}|${cols.entry.state}`;
    const list = entriesByCell.get(key) ?? [];
    list.push(cols);
    entriesByCell.set(key, list);
  }
  for (const cell of index.supervised.values()) {
    if (cell.zCols.length === 0) continue;
    const t = cell.intervalIndex;
    const keys = { t, S: cell.state };
    const onDuty = [...new Set(cell.pharmacistIds)].flatMap((id) => coverOf(id).get(t) ?? []);
    const xs = direct ? onDuty : presenceSum(model, index, keys, onDuty);
    for (const [technicianId, cols] of countedColumnsByTechnician(cell)) {
      addRow(
        model,
        varName('sup_present', { ...keys, e: technicianId }),
        [...cols, ...xs],
        [...cols.map(() => 1), ...xs.map(() => -1)],
        'L',
        0,
      );
    }
    const counted = new Set(cell.countedCols);
    for (const entry of entriesByCell.get(`${t}|${cell.state}`) ?? []) {
      if (entry.cell.cols.every((col) => counted.has(col)))
        gatedServiceRows(model, cell, keys, entry, xs);
    }
  }
}

/**
 * N as one column with a definition row (large models: the sum is not repeated per row); the
 * on-duty columns themselves when there is at most one.
 */
function presenceSum(
  model: MipModel,
  index: ModelIndex,
  keys: CellKeys,
  onDuty: number[],
): number[] {
  if (onDuty.length <= 1) return onDuty;
  const n = addCol(model, varName('sup_on', keys), 0, onDuty.length);
  addRow(model, varName('sup_on_def', keys), [n, ...onDuty], [1, ...onDuty.map(() => -1)], 'E', 0);
  index.onDutyCols.push({ col: n, shifts: onDuty });
  return [n];
}

/** short_j + r_j·N >= r_j and u_{j,k} <= N for one entry, also with b in place of N (convex tiers). */
function gatedServiceRows(
  model: MipModel,
  cell: SupervisedCell,
  keys: CellKeys,
  entry: EntryCols,
  xs: number[],
): void {
  const r = entry.entry.required;
  const gates = cell.anyTechnician >= 0 ? [xs, [cell.anyTechnician]] : [xs];
  gates.forEach((gate, g) => {
    const k = { ...keys, q: entry.entry.queueId, g };
    if (r > 0)
      addRow(
        model,
        varName('sup_short', k),
        [entry.shortage, ...gate],
        [1, ...gate.map(() => r)],
        'G',
        r,
      );
    entry.increments.forEach((u, n) =>
      addRow(
        model,
        varName('sup_lost', { ...k, n }),
        [u, ...gate],
        [1, ...gate.map(() => -1)],
        'L',
        0,
      ),
    );
  });
}
