import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InstantScalar } from '../../common/graphql/scalars.js';
import { RuleViolation, ShiftTimes } from '../../rostering/graphql/roster.model.js';
import { ShiftAllocationSummary } from '../../self-service/graphql/my-shift.model.js';
import { EmployeeRole } from '../../workforce/entities/employee.entity.js';
import { OpenShiftOrigin, OpenShiftStatus } from '../entities/open-shift.entity.js';
import { TradeKind, TradeStatus } from '../entities/shift-trade.entity.js';

registerEnumType(TradeKind, { name: 'TradeKind' });
registerEnumType(TradeStatus, { name: 'TradeStatus' });
registerEnumType(OpenShiftStatus, { name: 'OpenShiftStatus' });
registerEnumType(OpenShiftOrigin, { name: 'OpenShiftOrigin' });

export enum TradeOutcome {
  /** Waiting for the named colleague. */
  REQUESTED = 'REQUESTED',
  /** Taken, but it worsens the roster beyond the auto-approval policy: a manager decides. */
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  /** Applied to the published roster. */
  APPROVED = 'APPROVED',
  /** It would break a hard rule: nothing was applied (see violations). */
  REFUSED = 'REFUSED',
  /** Declined by the colleague or rejected by a manager. */
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TradeOutcome, { name: 'TradeOutcome' });

export enum OpportunityKind {
  OPEN_SHIFT = 'OPEN_SHIFT',
  OFFER = 'OFFER',
}
registerEnumType(OpportunityKind, { name: 'OpportunityKind' });

@ObjectType({ description: 'A shift involved in a trade, in the viewer’s own time zone.' })
export class TradeShift extends ShiftTimes {}

@ObjectType({ description: 'A colleague in a trade: who, and nothing more.' })
export class TradeParty {
  @Field(() => ID)
  employeeId!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Why a trade waits for a manager or was refused.' })
export class TradeReason {
  @Field({ description: 'A checker rule (e.g. LICENCE) or a soft term (e.g. shortage).' })
  rule!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'One state change of a trade.' })
export class TradeEvent {
  @Field(() => TradeStatus)
  status!: TradeStatus;

  @Field({ description: 'Who: a user, or `system` for automatic decisions and expiry.' })
  actor!: string;

  @Field()
  actorRole!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => InstantScalar)
  at!: Date;
}

@ObjectType({ description: 'A shift of a published roster waiting for someone to pick it up.' })
export class OpenShift extends ShiftTimes {
  @Field(() => ID)
  rosterId!: string;

  @Field(() => EmployeeRole)
  role!: EmployeeRole;

  @Field(() => OpenShiftStatus)
  status!: OpenShiftStatus;

  @Field(() => OpenShiftOrigin)
  origin!: OpenShiftOrigin;

  @Field(() => [ShiftAllocationSummary], { description: 'The work that comes with it.' })
  work!: ShiftAllocationSummary[];
}

@ObjectType({
  description: 'A shift trade: swap, give-away, offer to anyone, or open-shift pickup.',
})
export class ShiftTrade {
  @Field(() => ID)
  id!: string;

  @Field(() => TradeKind)
  kind!: TradeKind;

  @Field(() => TradeStatus)
  status!: TradeStatus;

  @Field({ description: 'ACCEPTED and waiting for a manager, for `reasons`.' })
  awaitingApproval!: boolean;

  @Field(() => [TradeReason])
  reasons!: TradeReason[];

  @Field(() => TradeParty)
  requester!: TradeParty;

  @Field(() => TradeParty, { nullable: true, description: 'Unset while an offer is unclaimed.' })
  counterpart!: TradeParty | null;

  @Field(() => TradeShift, { nullable: true, description: 'The requester’s shift.' })
  shift!: TradeShift | null;

  @Field(() => TradeShift, { nullable: true, description: 'The colleague’s shift in a swap.' })
  counterpartShift!: TradeShift | null;

  @Field(() => TradeShift, { nullable: true, description: 'The open shift picked up.' })
  openShift!: TradeShift | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => InstantScalar, { description: 'An open trade lapses when its first shift starts.' })
  expiresAt!: Date;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => [TradeEvent], { description: 'Every state change, oldest first.' })
  history!: TradeEvent[];
}

@ObjectType({
  description: 'A soft goal a trade worsens by more than the auto-approval policy allows.',
})
export class SoftTermExcess {
  @Field({ description: 'shortage, lostServiceValue or overtimeCost.' })
  term!: string;

  @Field(() => Float)
  before!: number;

  @Field(() => Float)
  after!: number;

  @Field(() => Float, { description: 'The increase allowed without a manager.' })
  limit!: number;
}

@ObjectType({ description: 'What became of a trade action, with the checker’s reasons.' })
export class TradeResult {
  @Field(() => TradeOutcome)
  outcome!: TradeOutcome;

  @Field()
  message!: string;

  @Field(() => ShiftTrade, { nullable: true, description: 'Unset when refused before it existed.' })
  trade!: ShiftTrade | null;

  @Field(() => [RuleViolation], { description: 'Hard rules the trade would break.' })
  violations!: RuleViolation[];

  @Field(() => [SoftTermExcess], { description: 'Why a manager has to approve it.' })
  excesses!: SoftTermExcess[];
}

@ObjectType({ description: 'An open shift or a colleague’s offer that the viewer may take.' })
export class ShiftOpportunity {
  @Field(() => OpportunityKind)
  kind!: OpportunityKind;

  @Field(() => OpenShift, { nullable: true })
  openShift!: OpenShift | null;

  @Field(() => ShiftTrade, { nullable: true })
  offer!: ShiftTrade | null;

  @Field({ description: 'Taking it would need a manager’s approval (see reasons).' })
  needsApproval!: boolean;

  @Field(() => [TradeReason])
  reasons!: TradeReason[];
}
