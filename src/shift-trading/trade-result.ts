import type { TradeVerdict } from '../core/trading/index.js';
import type { StoredTradeReason } from './entities/shift-trade.entity.js';
import type { ShiftTrade, TradeOutcome, TradeResult } from './graphql/trade.model.js';
import { toRuleViolation } from '../rostering/roster.mapping.js';

const round = (value: number) => Math.round(value * 100) / 100;

/** The checker's findings as stored reasons: new hard-rule violations, else soft terms over the limit. */
export function reasonsOf(verdict: TradeVerdict): StoredTradeReason[] {
  if (verdict.newViolations.length > 0)
    return verdict.newViolations.map((v) => ({ rule: v.rule, message: v.message }));
  return verdict.excesses.map((e) => ({
    rule: e.term,
    message: `${e.term} rises from ${round(e.before)} to ${round(e.after)} (at most +${round(e.limit)} without a manager)`,
  }));
}

export function tradeResult(
  outcome: TradeOutcome,
  message: string,
  trade: ShiftTrade | null,
  verdict: TradeVerdict | null,
): TradeResult {
  return {
    outcome,
    message,
    trade,
    violations: (verdict?.newViolations ?? []).map(toRuleViolation),
    excesses: (verdict?.excesses ?? []).map((e) => ({ ...e, term: e.term })),
  };
}
