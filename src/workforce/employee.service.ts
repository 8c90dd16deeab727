import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { decodeCursor, toConnection, type Connection } from '../common/graphql/connection.js';
import { NotFoundError } from '../core/errors.js';
import { EmployeeEntity } from './entities/employee.entity.js';
import type { Employee } from './graphql/employee.model.js';
import type { EmployeeFilter } from './graphql/employee.input.js';
import { toEmployee } from './workforce.mappers.js';

@Injectable()
export class EmployeeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of employees in insertion order (stable under concurrent inserts), filtered. */
  async list(
    filter: EmployeeFilter,
    first: number,
    after?: string | null,
  ): Promise<Connection<Employee>> {
    const query = this.dataSource
      .getRepository(EmployeeEntity)
      .createQueryBuilder('e')
      .orderBy('e.seq', 'ASC')
      .limit(first + 1);
    if (after != null) query.andWhere('e.seq > :after', { after: decodeCursor(after) });
    if (filter.role) query.andWhere('e.role = :role', { role: filter.role });
    if (filter.active !== undefined)
      query.andWhere('e.active = :active', { active: filter.active });
    if (filter.skill) query.andWhere(':skill = ANY(e.skills)', { skill: filter.skill });
    if (filter.updatedSince)
      query.andWhere('e.updated_at >= :updatedSince', { updatedSince: filter.updatedSince });
    if (filter.licensedIn) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM licence l WHERE l.employee_id = e.id AND l.state = :state
           AND l.valid_from <= :on AND (l.valid_until IS NULL OR l.valid_until >= :on))`,
        { state: filter.licensedIn, on: filter.licensedOn ?? DateTime.utc().toISODate() },
      );
    }
    return toConnection(await query.getMany(), first, toEmployee);
  }

  async byId(id: string): Promise<Employee> {
    const entity = await this.dataSource.getRepository(EmployeeEntity).findOneBy({ id });
    if (!entity) throw new NotFoundError('Employee', id);
    return toEmployee(entity);
  }
}
