import { IdArg } from '../common/graphql/id-arg.js';
import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Allow, CurrentPrincipal, RequiresScope } from '../auth/access.decorators.js';
import { Role, type Principal, ApiScope } from '../auth/role.js';
import type { GraphQLRequestContext } from '../common/graphql/graphql.module.js';
import { LocalDateScalar } from '../common/graphql/scalars.js';
import { OptimizationRun, StartRosterOptimizationInput } from './graphql/run.model.js';
import {
  CoverageCell,
  Roster,
  RosterComparison,
  RosterShift,
  RosterTotals,
  RuleViolation,
  ShortageExplanationModel,
  SupervisionCell,
} from './graphql/roster.model.js';
import {
  AddRosterShiftInput,
  MoveRosterShiftInput,
  RemoveRosterShiftInput,
  RosterEditResult,
  SetRosterAllocationInput,
} from './graphql/edit.model.js';
import { OptimizationRunService } from './optimization-run.service.js';
import { RosterEditService } from './roster-edit.service.js';
import { RosterAnalysisService } from './roster-analysis.service.js';
import { overtimeHours } from './roster-totals.js';
import { RosterService } from './roster.service.js';
import { toRuleViolation } from './roster.mapping.js';

const PLANNERS = [Role.ADMIN, Role.MANAGER] as const;

@Resolver(() => OptimizationRun)
export class OptimizationRunResolver {
  constructor(private readonly runs: OptimizationRunService) {}

  @Mutation(() => OptimizationRun, {
    description: 'Queues an optimization of a week and returns at once; poll optimizationRun(id).',
  })
  @Allow(...PLANNERS)
  startRosterOptimization(
    @Args('input') input: StartRosterOptimizationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OptimizationRun> {
    return this.runs.start(input, principal);
  }

  @Query(() => OptimizationRun, {
    description: 'Status and progress of a run; on success, the draft roster’s id.',
  })
  @Allow(...PLANNERS)
  optimizationRun(@IdArg('id') id: string): Promise<OptimizationRun> {
    return this.runs.byId(id);
  }

  @Query(() => [OptimizationRun], { description: 'The latest runs of a week, newest first.' })
  @Allow(...PLANNERS)
  optimizationRuns(
    @Args('week', { type: () => LocalDateScalar }) week: string,
  ): Promise<OptimizationRun[]> {
    return this.runs.list(week);
  }

  @Mutation(() => OptimizationRun, { description: 'Stops a queued or running optimization.' })
  @Allow(...PLANNERS)
  cancelOptimizationRun(@IdArg('id') id: string): Promise<OptimizationRun> {
    return this.runs.cancel(id);
  }
}

@Resolver(() => Roster)
export class RosterResolver {
  constructor(
    private readonly rosterService: RosterService,
    private readonly analysis: RosterAnalysisService,
  ) {}

  @Query(() => Roster)
  @Allow(...PLANNERS, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.READ_ROSTERS)
  roster(@IdArg('id') id: string): Promise<Roster> {
    return this.rosterService.byId(id);
  }

  @Query(() => [Roster], { description: 'Every version of a week’s roster.' })
  @Allow(...PLANNERS, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.READ_ROSTERS)
  rosters(@Args('week', { type: () => LocalDateScalar }) week: string): Promise<Roster[]> {
    return this.rosterService.versions(week);
  }

  @Query(() => Roster, { nullable: true, description: 'The published roster of a week, if any.' })
  @Allow(...PLANNERS, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.READ_ROSTERS)
  publishedRoster(
    @Args('week', { type: () => LocalDateScalar }) week: string,
  ): Promise<Roster | null> {
    return this.rosterService.published(week);
  }

  @Mutation(() => Roster, {
    description: 'Publishes a draft; the week’s previously published version becomes SUPERSEDED.',
  })
  @Allow(...PLANNERS)
  publishRoster(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Roster> {
    return this.rosterService.publish(id, principal);
  }

  @Query(() => RosterComparison, { description: 'Two versions side by side.' })
  @Allow(...PLANNERS)
  compareRosters(
    @IdArg('fromId') fromId: string,
    @IdArg('toId') toId: string,
  ): Promise<RosterComparison> {
    return this.rosterService.compare(fromId, toId);
  }

  @ResolveField(() => [RosterShift], {
    description: 'Shifts by start time, optionally of one employee.',
  })
  shifts(
    @Parent() roster: Roster,
    @IdArg('employeeId', { nullable: true }) employeeId: string | null,
  ): Promise<RosterShift[]> {
    return this.rosterService.shifts(roster.id, employeeId);
  }

  @ResolveField(() => [ShortageExplanationModel], {
    description: 'Why service is short where it is (from the solve).',
  })
  explanations(@Parent() roster: Roster): Promise<ShortageExplanationModel[]> {
    return this.rosterService.explanations(roster.id);
  }

  @ResolveField(() => [CoverageCell], {
    description: 'Required vs scheduled staff and achieved service per interval, queue and state.',
  })
  async coverage(
    @Parent() roster: Roster,
    @Context() ctx: GraphQLRequestContext,
    @Args('fromInterval', { type: () => Int, nullable: true }) fromInterval: number | null,
    @Args('toInterval', { type: () => Int, nullable: true }) toInterval: number | null,
  ): Promise<CoverageCell[]> {
    const analysis = await this.analysis.forRequest(ctx.req, roster.id);
    const keys = new Map(analysis.instance.queues.map((q) => [q.id, q.name]));
    return analysis.coverage.cells
      .filter(
        (c) =>
          c.intervalIndex >= (fromInterval ?? 0) &&
          c.intervalIndex <= (toInterval ?? Number.MAX_SAFE_INTEGER),
      )
      .map((c) => ({
        ...c,
        intervalStart: analysis.intervalStart(c.intervalIndex),
        queueKey: keys.get(c.queueId) ?? c.queueId,
        serviceLevel:
          analysis.serviceLevels.get(`${c.intervalIndex}|${c.queueId}|${c.state}`) ?? null,
      }));
  }

  @ResolveField(() => [SupervisionCell], {
    description: 'Supervision headroom per interval and state: allowed minus used technicians.',
  })
  async supervision(
    @Parent() roster: Roster,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<SupervisionCell[]> {
    const analysis = await this.analysis.forRequest(ctx.req, roster.id);
    return analysis.coverage.supervision.map((c) => ({
      ...c,
      intervalStart: analysis.intervalStart(c.intervalIndex),
    }));
  }

  @ResolveField(() => RosterTotals)
  async totals(
    @Parent() roster: Roster,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<RosterTotals> {
    const analysis = await this.analysis.forRequest(ctx.req, roster.id);
    const { check, weeklyServiceLevel } = analysis;
    const soft = check.soft;
    return {
      cost: soft.cost,
      overtimeCost: soft.overtimeCost,
      overtimeHours: overtimeHours(analysis.instance, analysis.roster),
      shortageHours: soft.shortage,
      overstaffingHours: soft.overstaffing,
      weeklyServiceLevel,
      fairness: soft.fairness,
      changes: soft.changes,
      objective: soft.weightedTotal,
    };
  }

  @ResolveField(() => [RuleViolation], {
    description:
      'Hard-rule violations found by the independent checker (none in any roster the optimizer returns).',
  })
  async violations(
    @Parent() roster: Roster,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<RuleViolation[]> {
    const { check } = await this.analysis.forRequest(ctx.req, roster.id);
    return check.violations.map(toRuleViolation);
  }
}

@Resolver()
export class RosterEditResolver {
  constructor(private readonly edits: RosterEditService) {}

  @Mutation(() => RosterEditResult, {
    description: 'Adds a shift to a draft, if the rules allow it.',
  })
  @Allow(...PLANNERS)
  addRosterShift(
    @Args('input') input: AddRosterShiftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RosterEditResult> {
    return this.edits.addShift(input, principal);
  }

  @Mutation(() => RosterEditResult, { description: 'Moves a shift of a draft to new times.' })
  @Allow(...PLANNERS)
  moveRosterShift(
    @Args('input') input: MoveRosterShiftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RosterEditResult> {
    return this.edits.moveShift(input, principal);
  }

  @Mutation(() => RosterEditResult, { description: 'Removes a shift from a draft.' })
  @Allow(...PLANNERS)
  removeRosterShift(
    @Args('input') input: RemoveRosterShiftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RosterEditResult> {
    return this.edits.removeShift(input, principal);
  }

  @Mutation(() => RosterEditResult, {
    description: 'Sets (or clears) what a technician works on in one interval of a draft.',
  })
  @Allow(...PLANNERS)
  setRosterAllocation(
    @Args('input') input: SetRosterAllocationInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RosterEditResult> {
    return this.edits.setAllocation(input, principal);
  }
}
