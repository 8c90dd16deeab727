import { Module } from '@nestjs/common';
import { RosteringModule } from '../rostering/rostering.module.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarController } from './calendar.controller.js';
import { SELF_SERVICE_CLOCK, systemClock } from './clock.js';
import { MyShiftsService } from './my-shifts.service.js';
import { SelfServiceResolver } from './self-service.resolver.js';

/** Technicians’ and pharmacists’ own view of the published roster: myShifts and calendar feeds. */
@Module({
  imports: [RosteringModule],
  controllers: [CalendarController],
  providers: [
    MyShiftsService,
    CalendarFeedService,
    SelfServiceResolver,
    { provide: SELF_SERVICE_CLOCK, useValue: systemClock },
  ],
})
export class SelfServiceModule {}
