import { Module } from '@nestjs/common';
import { RuleSetResolver } from './rule-set.resolver.js';
import { RuleSetService } from './rule-set.service.js';

/** Per-state supervision and remote-work rules, versioned by effective date. */
@Module({ providers: [RuleSetService, RuleSetResolver], exports: [RuleSetService] })
export class RegulationModule {}
