import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, RequiresScope } from '../auth/access.decorators.js';
import { assertOwnRecordOrRole } from '../auth/ownership.js';
import { Role, type Principal, ApiScope } from '../auth/role.js';
import { BulkUpsertResult } from '../common/graphql/bulk.js';
import type { Connection } from '../common/graphql/connection.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import { CredentialImportService } from './credential-import.service.js';
import { EmployeeImportService } from './employee-import.service.js';
import { EmployeeService } from './employee.service.js';
import { Employee, EmployeeConnection } from './graphql/employee.model.js';
import {
  EmployeeListArgs,
  EmployeeIdArgs,
  UpsertCertificationsInput,
  UpsertEmployeesInput,
  UpsertLicencesInput,
} from './graphql/employee.input.js';

@Resolver(() => Employee)
export class EmployeeResolver {
  constructor(
    private readonly employeeService: EmployeeService,
    private readonly employeeImport: EmployeeImportService,
    private readonly credentialImport: CredentialImportService,
  ) {}

  @Query(() => EmployeeConnection, {
    description: 'Employees in a stable order, with filters; cursor pagination.',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.READ_EMPLOYEES)
  employees(@Args() { first, after, filter }: EmployeeListArgs): Promise<Connection<Employee>> {
    return this.employeeService.list(filter ?? {}, first, after);
  }

  @Query(() => Employee, {
    description: 'One employee. Technicians and pharmacists may read only their own record.',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM, Role.TECHNICIAN, Role.PHARMACIST)
  @RequiresScope(ApiScope.READ_EMPLOYEES)
  employee(
    @Args() { id }: EmployeeIdArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Employee> {
    assertOwnRecordOrRole(principal, id);
    return this.employeeService.byId(id);
  }

  @Query(() => Employee, { description: 'The signed-in technician’s or pharmacist’s own record.' })
  @Allow(Role.TECHNICIAN, Role.PHARMACIST)
  me(@CurrentPrincipal() principal: Principal): Promise<Employee> {
    if (!principal.employeeId)
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Your token names no employee record (employeeId)',
      );
    return this.employeeService.byId(principal.employeeId);
  }

  @Mutation(() => BulkUpsertResult, {
    description: 'Creates or updates employees by externalId; reports each row.',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.WRITE_EMPLOYEES)
  upsertEmployees(@Args('input') input: UpsertEmployeesInput): Promise<BulkUpsertResult> {
    return this.employeeImport.upsert(input);
  }

  @Mutation(() => BulkUpsertResult, {
    description: 'Creates or updates licences by (employeeExternalId, state, kind).',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.WRITE_EMPLOYEES)
  upsertLicences(@Args('input') input: UpsertLicencesInput): Promise<BulkUpsertResult> {
    return this.credentialImport.upsertLicences(input);
  }

  @Mutation(() => BulkUpsertResult, {
    description: 'Creates or updates certifications by (employeeExternalId, kind).',
  })
  @Allow(Role.ADMIN, Role.MANAGER, Role.HR_SYSTEM)
  @RequiresScope(ApiScope.WRITE_EMPLOYEES)
  upsertCertifications(@Args('input') input: UpsertCertificationsInput): Promise<BulkUpsertResult> {
    return this.credentialImport.upsertCertifications(input);
  }
}
