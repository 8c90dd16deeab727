import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { AvailabilityWindowEntity } from './entities/availability-window.entity.js';
import { CertificationEntity } from './entities/certification.entity.js';
import { LicenceEntity } from './entities/licence.entity.js';
import { TimeOffEntity } from './entities/time-off.entity.js';

type ByEmployee<T> = DataLoader<string, T[]>;

/**
 * Batches per-employee relations into one query per relation and request. Loaders live as long as
 * the request object (WeakMap), so nothing is cached across requests.
 */
@Injectable()
export class WorkforceLoaders {
  private readonly perRequest = new WeakMap<object, Map<string, ByEmployee<unknown>>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  licences(request: object): ByEmployee<LicenceEntity> {
    return this.loader(request, 'licences', LicenceEntity, { state: 'ASC', kind: 'ASC' });
  }

  certifications(request: object): ByEmployee<CertificationEntity> {
    return this.loader(request, 'certifications', CertificationEntity, { kind: 'ASC' });
  }

  availability(request: object): ByEmployee<AvailabilityWindowEntity> {
    return this.loader(request, 'availability', AvailabilityWindowEntity, {
      dayOfWeek: 'ASC',
      startMinute: 'ASC',
    });
  }

  timeOff(request: object): ByEmployee<TimeOffEntity> {
    return this.loader(request, 'timeOff', TimeOffEntity, { start: 'ASC' });
  }

  private loader<T extends ObjectLiteral & { employeeId: string }>(
    request: object,
    name: string,
    entity: EntityTarget<T>,
    order: Record<string, 'ASC' | 'DESC'>,
  ): ByEmployee<T> {
    let loaders = this.perRequest.get(request);
    if (!loaders) this.perRequest.set(request, (loaders = new Map<string, ByEmployee<unknown>>()));
    let loader = loaders.get(name) as ByEmployee<T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(
        async (employeeIds) => {
          const rows = await this.dataSource
            .getRepository(entity)
            .find({ where: { employeeId: In([...employeeIds]) } as never, order: order as never });
          const grouped = new Map<string, T[]>(employeeIds.map((id) => [id, []]));
          for (const row of rows) grouped.get(row.employeeId)?.push(row);
          return employeeIds.map((id) => grouped.get(id) ?? []);
        },
        { maxBatchSize: 1000 },
      );
      loaders.set(name, loader);
    }
    return loader;
  }
}
