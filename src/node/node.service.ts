import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { assertOwnRecordOrRole } from '../auth/ownership.js';
import type { Principal } from '../auth/role.js';
import { asNode, type Node } from '../common/graphql/node.model.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { ShiftTemplateEntity } from '../demand/entities/shift-template.entity.js';
import { toQueue, toShiftTemplate } from '../demand/queue.service.js';
import { JurisdictionRuleSetEntity } from '../regulation/jurisdiction-rule-set.entity.js';
import { toRuleSet } from '../regulation/rule-set.service.js';
import { CertificationEntity } from '../workforce/entities/certification.entity.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { LicenceEntity } from '../workforce/entities/licence.entity.js';
import { TimeOffEntity } from '../workforce/entities/time-off.entity.js';
import {
  toCertification,
  toEmployee,
  toLicence,
  toTimeOff,
} from '../workforce/workforce.mappers.js';

interface NodeKind<E extends ObjectLiteral> {
  typename: string;
  table: string;
  entity: EntityTarget<E>;
  toModel: (entity: E) => { id: string };
  /** The employee whose personal record this is, for the own-record rule; undefined if not personal. */
  owner?: (entity: E) => string;
}

const kind = <E extends ObjectLiteral>(k: NodeKind<E>) => k as unknown as NodeKind<ObjectLiteral>;

const KINDS = [
  kind<EmployeeEntity>({
    typename: 'Employee',
    table: 'employee',
    entity: EmployeeEntity,
    toModel: toEmployee,
    owner: (e) => e.id,
  }),
  kind<LicenceEntity>({
    typename: 'Licence',
    table: 'licence',
    entity: LicenceEntity,
    toModel: toLicence,
    owner: (e) => e.employeeId,
  }),
  kind<CertificationEntity>({
    typename: 'Certification',
    table: 'certification',
    entity: CertificationEntity,
    toModel: toCertification,
    owner: (e) => e.employeeId,
  }),
  kind<TimeOffEntity>({
    typename: 'TimeOff',
    table: 'time_off',
    entity: TimeOffEntity,
    toModel: toTimeOff,
    owner: (e) => e.employeeId,
  }),
  kind<QueueEntity>({ typename: 'Queue', table: 'queue', entity: QueueEntity, toModel: toQueue }),
  kind<ShiftTemplateEntity>({
    typename: 'ShiftTemplate',
    table: 'shift_template',
    entity: ShiftTemplateEntity,
    toModel: toShiftTemplate,
  }),
  kind<JurisdictionRuleSetEntity>({
    typename: 'JurisdictionRuleSet',
    table: 'jurisdiction_rule_set',
    entity: JurisdictionRuleSetEntity,
    toModel: toRuleSet,
  }),
];

/** Finds any object by its UUID: one query to learn the table, one to load the row. */
@Injectable()
export class NodeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async node(id: string, principal: Principal): Promise<Node | null> {
    const union = KINDS.map(
      (k) => `SELECT '${k.typename}' AS typename FROM ${k.table} WHERE id = $1`,
    ).join(' UNION ALL ');
    const [match] = await this.dataSource.query<{ typename: string }[]>(`${union} LIMIT 1`, [id]);
    const found = KINDS.find((k) => k.typename === match?.typename);
    if (!found) return null;
    const entity = await this.dataSource.getRepository(found.entity).findOneByOrFail({ id });
    if (found.owner) assertOwnRecordOrRole(principal, found.owner(entity));
    return asNode(found.typename, found.toModel(entity));
  }
}
