import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { Public } from '../auth/access.decorators.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/**
 * The iCalendar feeds. Public to the access guard: the secret token in the URL is the credential.
 * An unknown or revoked token is a bare 404, saying nothing about why.
 */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':token.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Header('referrer-policy', 'no-referrer')
  async feed(@Param('token') token: string): Promise<string> {
    const body = await this.feeds.render(token);
    if (body === null) throw new NotFoundException();
    return body;
  }
}
