import { registerEnumType } from '@nestjs/graphql';
import { CertificationKind } from '../entities/certification.entity.js';
import { EmployeeRole } from '../entities/employee.entity.js';
import { LicenceKind } from '../entities/licence.entity.js';
import { TimeOffStatus } from '../entities/time-off.entity.js';

registerEnumType(EmployeeRole, { name: 'EmployeeRole' });
registerEnumType(LicenceKind, {
  name: 'LicenceKind',
  description:
    'A state board credential: pharmacist licence, technician licence or technician registration.',
});
registerEnumType(CertificationKind, {
  name: 'CertificationKind',
  description: 'CPHT (PTCB), EXCPT (NHA) or another certification.',
});
registerEnumType(TimeOffStatus, { name: 'TimeOffStatus' });

export { CertificationKind, EmployeeRole, LicenceKind, TimeOffStatus };
