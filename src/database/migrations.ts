import { Rostering1795660294151 } from '../../migrations/1795660294151-Rostering.js';
import { WorkforceRegulationDemand1795658411586 } from '../../migrations/1795658411586-WorkforceRegulationDemand.js';
import { AuditTrail1795663600975 } from '../../migrations/1795663600975-AuditTrail.js';
import { ApiKeys1795664134412 } from '../../migrations/1795664134412-ApiKeys.js';
import { CalendarFeeds1795663374052 } from '../../migrations/1795663374052-CalendarFeeds.js';
import { ShiftTrading1795666909011 } from '../../migrations/1795666909011-ShiftTrading.js';
import { AuditChanges1795667258323 } from '../../migrations/1795667258323-AuditChanges.js';
import { RunIterationBudget1795670000000 } from '../../migrations/1795670000000-RunIterationBudget.js';

/** Every migration in `migrations/`, in order, listed explicitly (no globs: the same list works under jest, the CLI and dist/). */
export const MIGRATIONS = [
  WorkforceRegulationDemand1795658411586,
  Rostering1795660294151,
  CalendarFeeds1795663374052,
  AuditTrail1795663600975,
  ApiKeys1795664134412,
  ShiftTrading1795666909011,
  AuditChanges1795667258323,
  RunIterationBudget1795670000000,
] as const;
