import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InstantScalar } from '../common/graphql/scalars.js';
import { NotificationKind, type NotificationEntity } from './notification.entity.js';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType({ description: 'Something that happened to the signed-in user’s shifts or trades.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  message!: string;

  @Field(() => ID, { nullable: true })
  rosterId!: string | null;

  @Field(() => ID, { nullable: true })
  tradeId!: string | null;

  @Field(() => ID, { nullable: true })
  openShiftId!: string | null;

  @Field(() => ID, { nullable: true })
  timeOffId!: string | null;

  @Field(() => InstantScalar)
  createdAt!: Date;

  @Field(() => InstantScalar, { nullable: true })
  readAt!: Date | null;
}

function idOf(payload: NotificationEntity['payload'], key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' ? value : null;
}

export function toNotification(row: NotificationEntity): Notification {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    rosterId: idOf(row.payload, 'rosterId'),
    tradeId: idOf(row.payload, 'tradeId'),
    openShiftId: idOf(row.payload, 'openShiftId'),
    timeOffId: idOf(row.payload, 'timeOffId'),
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
