import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';

/** The notification outbox and the employee's view of it. */
@Module({
  providers: [NotificationService, NotificationResolver],
  exports: [NotificationService],
})
export class NotificationsModule {}
