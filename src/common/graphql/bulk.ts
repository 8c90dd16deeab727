import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DataSource, EntityManager } from 'typeorm';

export enum BulkRowOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
  /** The row was valid, but allOrNothing was asked for and another row was rejected. */
  NOT_APPLIED = 'NOT_APPLIED',
}
registerEnumType(BulkRowOutcome, { name: 'BulkRowOutcome' });

@ObjectType({
  description: 'Why a row was rejected: the field, a stable code and a message naming the value.',
})
export class RowError {
  @Field()
  field!: string;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@ObjectType()
export class BulkRowResult {
  @Field(() => Int, { description: 'Position of the row in the request, from 0.' })
  index!: number;

  @Field({ description: 'The row’s natural key, e.g. the externalId.' })
  key!: string;

  @Field(() => BulkRowOutcome)
  outcome!: BulkRowOutcome;

  @Field(() => String, { nullable: true, description: 'The id of the record written or matched.' })
  id!: string | null;

  @Field(() => [RowError])
  errors!: RowError[];
}

@ObjectType({ description: 'The outcome of an idempotent bulk upsert, row by row.' })
export class BulkUpsertResult {
  @Field({
    description:
      'False when allOrNothing was asked for and a row was rejected: nothing was written.',
  })
  applied!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [BulkRowResult])
  rows!: BulkRowResult[];
}

export type WriteOutcome = {
  outcome: BulkRowOutcome.CREATED | BulkRowOutcome.UPDATED | BulkRowOutcome.UNCHANGED;
  id: string;
};

/** Assembles the result from per-row rejections and the outcomes of the rows that were written. */
export function summariseBulk(
  keys: string[],
  rejections: Map<number, RowError[]>,
  written: Map<number, WriteOutcome>,
  applied: boolean,
): BulkUpsertResult {
  const rows = keys.map((key, index): BulkRowResult => {
    const errors = rejections.get(index);
    if (errors) return { index, key, outcome: BulkRowOutcome.REJECTED, id: null, errors };
    const outcome = written.get(index);
    if (!applied || !outcome)
      return { index, key, outcome: BulkRowOutcome.NOT_APPLIED, id: null, errors: [] };
    return { index, key, outcome: outcome.outcome, id: outcome.id, errors: [] };
  });
  const count = (outcome: BulkRowOutcome) => rows.filter((row) => row.outcome === outcome).length;
  return {
    applied,
    created: count(BulkRowOutcome.CREATED),
    updated: count(BulkRowOutcome.UPDATED),
    unchanged: count(BulkRowOutcome.UNCHANGED),
    rejected: count(BulkRowOutcome.REJECTED),
    rows,
  };
}

class AllOrNothingRollback extends Error {}

/**
 * Runs the write in one transaction. Rows found invalid while writing (against stored data) are
 * added to `rejections`; in all-or-nothing mode any rejection rolls the whole transaction back.
 */
export async function writeAllOrNothing(
  dataSource: DataSource,
  keys: string[],
  rejections: Map<number, RowError[]>,
  allOrNothing: boolean,
  write: (manager: EntityManager) => Promise<Map<number, WriteOutcome>>,
): Promise<BulkUpsertResult> {
  try {
    const written = await dataSource.transaction(async (manager) => {
      const outcomes = await write(manager);
      if (allOrNothing && rejections.size > 0) throw new AllOrNothingRollback();
      return outcomes;
    });
    return summariseBulk(keys, rejections, written, true);
  } catch (error) {
    if (error instanceof AllOrNothingRollback)
      return summariseBulk(keys, rejections, new Map(), false);
    throw error;
  }
}
