import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal } from '../auth/access.decorators.js';
import { Role, type Principal } from '../auth/role.js';
import { isUuid } from '../common/graphql/id-arg.js';
import { ValidationFailedError } from '../core/errors.js';
import { Notification } from './notification.model.js';
import { NotificationService } from './notification.service.js';

const MAX_PAGE = 200;

@Resolver()
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Query(() => [Notification], {
    description:
      'The signed-in user’s notifications, newest first: their own (as an employee) and those to their role.',
  })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST, Role.MANAGER, Role.ADMIN)
  myNotifications(
    @CurrentPrincipal() principal: Principal,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<Notification[]> {
    if (first < 1 || first > MAX_PAGE)
      throw ValidationFailedError.forField('first', first, `expected 1 to ${MAX_PAGE}`);
    return this.notifications.mine(principal, unreadOnly, first);
  }

  @Mutation(() => Int, {
    description: 'Marks the caller’s own notifications read; returns how many changed.',
  })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST, Role.MANAGER, Role.ADMIN)
  markNotificationsRead(
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<number> {
    assertIds(ids);
    return this.notifications.markRead(principal, ids);
  }
}

function assertIds(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_PAGE)
    throw ValidationFailedError.forField('ids', ids, `expected 1 to ${MAX_PAGE} ids`);
  ids.forEach((id, index) => {
    if (!isUuid(id))
      throw ValidationFailedError.forField(
        `ids[${index}]`,
        id,
        'expected a notification id (UUID)',
      );
  });
}
