import { ForecastEntity } from '../demand/entities/forecast.entity.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import { JurisdictionRuleSetEntity } from '../regulation/jurisdiction-rule-set.entity.js';
import { AvailabilityWindowEntity } from '../workforce/entities/availability-window.entity.js';
import { CertificationEntity } from '../workforce/entities/certification.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { LicenceEntity } from '../workforce/entities/licence.entity.js';
import { TimeOffEntity } from '../workforce/entities/time-off.entity.js';

/** Every entity, listed explicitly so the same list works under jest, the CLI and dist/. */
import { OptimizationRunEntity } from '../rostering/entities/optimization-run.entity.js';
import { RosterEditEntity } from '../rostering/entities/roster-edit.entity.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { RosterEntity } from '../rostering/entities/roster.entity.js';
import { CalendarFeedEntity } from '../self-service/calendar-feed.entity.js';

import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { OpenShiftEntity } from '../shift-trading/entities/open-shift.entity.js';
import { ShiftTradeEventEntity } from '../shift-trading/entities/shift-trade-event.entity.js';
import { ShiftTradeEntity } from '../shift-trading/entities/shift-trade.entity.js';

export const ENTITIES = [
  EmployeeEntity,
  LicenceEntity,
  CertificationEntity,
  AvailabilityWindowEntity,
  TimeOffEntity,
  JurisdictionRuleSetEntity,
  QueueEntity,
  ShiftTemplateEntity,
  ForecastEntity,
  RosterEntity,
  RosterShiftEntity,
  OptimizationRunEntity,
  RosterEditEntity,
  AuditEventEntity,
  ApiKeyEntity,
  CalendarFeedEntity,
  OpenShiftEntity,
  ShiftTradeEntity,
  ShiftTradeEventEntity,
  NotificationEntity,
] as const;
