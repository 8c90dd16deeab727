import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { describeValue, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { parseInstant } from '../common/graphql/scalars.js';
import { isUsJurisdiction } from '../core/geo/us-states.js';
import { QueueEntity } from './entities/queue.entity.js';
import {
  MAX_FORECAST_ROWS,
  type ForecastImportResult,
  type ForecastPoint,
  type ForecastRowInput,
  type ImportForecastInput,
} from './graphql/forecast.model.js';

const MAX_VOLUME = 1_000_000;
const MAX_QUERY_DAYS = 31;

interface Problem {
  field: string;
  message: string;
}

/** Every problem of every row (the first ten are reported), so a client can fix a file in one go. */
export function forecastRowProblems(
  rows: ForecastRowInput[],
  intervalMinutes: number,
  queues: Map<string, QueueEntity>,
  label: (i: number) => string,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const problem = (index: number, field: string, value: unknown, reason: string) =>
    problems.push({
      field: `${label(index)}.${field}`,
      message: `${label(index)}.${field}: ${describeValue(value)} is invalid: ${reason}`,
    });
  rows.forEach((row, index) => {
    const queue = queues.get(row.queueKey);
    if (!queue) problem(index, 'queueKey', row.queueKey, 'no queue has this key');
    if (!isUsJurisdiction(row.state))
      problem(index, 'state', row.state, 'must be a USPS state code such as "NC"');
    else if (queue && !queue.states.includes(row.state))
      problem(
        index,
        'state',
        row.state,
        `queue ${queue.key} does not serve this state (${queue.states.join(', ')})`,
      );
    if (!Number.isFinite(row.volume) || row.volume < 0 || row.volume > MAX_VOLUME)
      problem(index, 'volume', row.volume, `must be a number from 0 to ${MAX_VOLUME}`);
    if (row.intervalStart.getTime() % (intervalMinutes * 60_000) !== 0) {
      problem(
        index,
        'intervalStart',
        row.intervalStart.toISOString(),
        `must lie on the ${intervalMinutes}-minute grid (e.g. :00 or :${intervalMinutes === 15 ? '15' : '30'})`,
      );
    }
    const key = `${row.queueKey}|${row.state}|${row.intervalStart.getTime()}`;
    const first = seen.get(key);
    if (first !== undefined)
      problem(
        index,
        'intervalStart',
        row.intervalStart.toISOString(),
        `repeats ${label(first)} for the same queue and state`,
      );
    seen.set(key, index);
  });
  return problems;
}

@Injectable()
export class ForecastService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async importRows(input: ImportForecastInput): Promise<ForecastImportResult> {
    return this.importValidated(input.rows, input.intervalMinutes, (i) => `input.rows[${i}]`);
  }

  /** CSV with the header queue,state,interval_start,volume: parsed, then the same path as importRows. */
  async importCsv(csv: string, intervalMinutes: number): Promise<ForecastImportResult> {
    return this.importValidated(parseForecastCsv(csv), intervalMinutes, (i) => `csv line ${i + 2}`);
  }

  async points(queueKey: string, state: string, from: Date, to: Date): Promise<ForecastPoint[]> {
    if (to <= from)
      throw ValidationFailedError.forField(
        'to',
        to.toISOString(),
        `must be after from (${from.toISOString()})`,
      );
    if (to.getTime() - from.getTime() > MAX_QUERY_DAYS * 86_400_000)
      throw ValidationFailedError.forField(
        'to',
        to.toISOString(),
        `at most ${MAX_QUERY_DAYS} days after from`,
      );
    const queue = await this.dataSource.getRepository(QueueEntity).findOneBy({ key: queueKey });
    if (!queue) throw new NotFoundError('Queue', queueKey, 'queueKey');
    const rows = await this.dataSource.query<
      { interval_start: Date; interval_minutes: number; volume: string }[]
    >(
      `SELECT interval_start, interval_minutes, volume FROM forecast
       WHERE queue_id = $1 AND state = $2 AND interval_start >= $3 AND interval_start < $4 ORDER BY interval_start`,
      [queue.id, state, from, to],
    );
    return rows.map((row) => ({
      queueKey,
      state,
      intervalStart: row.interval_start,
      intervalMinutes: row.interval_minutes,
      volume: Number(row.volume),
    }));
  }

  private async importValidated(
    rows: ForecastRowInput[],
    intervalMinutes: number,
    label: (i: number) => string,
  ): Promise<ForecastImportResult> {
    if (rows.length > MAX_FORECAST_ROWS)
      throw ValidationFailedError.forField(
        'input.rows',
        rows.length,
        `at most ${MAX_FORECAST_ROWS} rows per request`,
      );
    const queues = new Map(
      (await this.dataSource.getRepository(QueueEntity).find()).map((queue) => [queue.key, queue]),
    );
    const problems = forecastRowProblems(rows, intervalMinutes, queues, label);
    if (problems.length > 0) {
      throw new ValidationFailedError(
        problems
          .slice(0, 10)
          .map((p) => p.message)
          .join(' | ') + (problems.length > 10 ? ` | … ${problems.length - 10} more` : ''),
        {
          field: problems[0].field,
          problems: problems.slice(0, 100),
        },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await this.assertSameGrid(manager.query.bind(manager), rows, intervalMinutes, queues);
      const columns = [
        rows.map((r) => queues.get(r.queueKey)!.id),
        rows.map((r) => r.state),
        rows.map((r) => r.intervalStart),
        rows.map((r) => r.volume),
      ];
      const changed = await manager.query<{ inserted: boolean }[]>(
        `INSERT INTO forecast (queue_id, state, interval_start, volume, interval_minutes)
         SELECT q, s, i, v, $5 FROM unnest($1::uuid[], $2::char(2)[], $3::timestamptz[], $4::numeric[]) AS r(q, s, i, v)
         ON CONFLICT (queue_id, state, interval_start) DO UPDATE SET volume = excluded.volume, updated_at = now()
           WHERE forecast.volume IS DISTINCT FROM excluded.volume
         RETURNING (xmax = 0) AS inserted`,
        [...columns, intervalMinutes],
      );
      const created = changed.filter((row) => row.inserted).length;
      return {
        rows: rows.length,
        created,
        updated: changed.length - created,
        unchanged: rows.length - changed.length,
      };
    });
  }

  /** A queue's forecast for a state uses one grid: a 15-minute row inside a stored 30-minute one would double count. */
  private async assertSameGrid(
    query: (sql: string, params: unknown[]) => Promise<unknown>,
    rows: ForecastRowInput[],
    intervalMinutes: number,
    queues: Map<string, QueueEntity>,
  ): Promise<void> {
    const spans = new Map<string, { queueId: string; state: string; from: Date; to: Date }>();
    for (const row of rows) {
      const key = `${row.queueKey}|${row.state}`;
      const span = spans.get(key) ?? {
        queueId: queues.get(row.queueKey)!.id,
        state: row.state,
        from: row.intervalStart,
        to: row.intervalStart,
      };
      if (row.intervalStart < span.from) span.from = row.intervalStart;
      if (row.intervalStart > span.to) span.to = row.intervalStart;
      spans.set(key, span);
    }
    const list = [...spans.values()];
    const clash = (await query(
      `SELECT q.key, f.state, f.interval_minutes FROM forecast f JOIN queue q ON q.id = f.queue_id
       JOIN unnest($1::uuid[], $2::char(2)[], $3::timestamptz[], $4::timestamptz[]) AS s(queue_id, state, from_at, to_at)
         ON f.queue_id = s.queue_id AND f.state = s.state AND f.interval_start BETWEEN s.from_at - interval '1 day' AND s.to_at + interval '1 day'
       WHERE f.interval_minutes <> $5 LIMIT 1`,
      [
        list.map((s) => s.queueId),
        list.map((s) => s.state),
        list.map((s) => s.from),
        list.map((s) => s.to),
        intervalMinutes,
      ],
    )) as { key: string; state: string; interval_minutes: number }[];
    if (clash[0]) {
      const { key, state, interval_minutes: stored } = clash[0];
      throw ValidationFailedError.forField(
        'input.intervalMinutes',
        intervalMinutes,
        `the stored forecast of ${key}/${state} around these dates uses a ${stored}-minute grid`,
      );
    }
  }
}

/** Parses the CSV strictly: every problem names its line and column. */
export function parseForecastCsv(csv: string): ForecastRowInput[] {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw ValidationFailedError.forField(
      'input.csv',
      csv.slice(0, 40),
      `is not valid CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const [header, ...body] = records;
  if (!header || header.join(',').toLowerCase() !== 'queue,state,interval_start,volume') {
    throw ValidationFailedError.forField(
      'input.csv',
      header?.join(',') ?? '',
      'the first line must be the header queue,state,interval_start,volume',
    );
  }
  if (body.length === 0) throw ValidationFailedError.forField('input.csv', '', 'has no data rows');
  return body.map(([queueKey, state, start, volume], index) => {
    const line = index + 2;
    let intervalStart: Date;
    try {
      intervalStart = parseInstant(start);
    } catch {
      throw ValidationFailedError.forField(
        `csv line ${line}.interval_start`,
        start,
        'must be an ISO-8601 date-time with an offset',
      );
    }
    if (!/^\s*-?\d+(\.\d+)?\s*$/.test(volume ?? ''))
      throw ValidationFailedError.forField(`csv line ${line}.volume`, volume, 'must be a number');
    return { queueKey: queueKey ?? '', state: state ?? '', intervalStart, volume: Number(volume) };
  });
}
