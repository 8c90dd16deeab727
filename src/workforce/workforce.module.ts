import { Module } from '@nestjs/common';
import { AvailabilityResolver } from './availability.resolver.js';
import { AvailabilityService } from './availability.service.js';
import { CredentialImportService } from './credential-import.service.js';
import { EmployeeFieldsResolver } from './employee-fields.resolver.js';
import { EmployeeImportService } from './employee-import.service.js';
import { EmployeeResolver } from './employee.resolver.js';
import { EmployeeService } from './employee.service.js';
import './graphql/enums.js';
import { WorkforceLoaders } from './workforce.loaders.js';

/** Employees, their licences, certifications, availability and time off. */
@Module({
  providers: [
    EmployeeService,
    EmployeeImportService,
    CredentialImportService,
    AvailabilityService,
    WorkforceLoaders,
    EmployeeResolver,
    EmployeeFieldsResolver,
    AvailabilityResolver,
  ],
  exports: [
    EmployeeService,
    WorkforceLoaders,
    EmployeeImportService,
    CredentialImportService,
    AvailabilityService,
  ],
})
export class WorkforceModule {}
