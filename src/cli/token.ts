import { parseArgs } from 'node:util';
import { loadAppConfig } from '../config/app-config.js';
import { TokenService } from '../auth/token.service.js';
import { ALL_ROLES, Role } from '../auth/role.js';

/**
 * Prints a bearer token for local use:
 *   npm run token -- --role MANAGER --subject alice [--role HR_SYSTEM] [--employee-id <uuid>] [--hours 8]
 * It signs with the same secret as the service (JWT_SECRET, or the development secret in .data/).
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      subject: { type: 'string' },
      'employee-id': { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role ?? [];
  const invalid = roles.filter((role) => !ALL_ROLES.includes(role as Role));
  const hours = Number(values.hours);
  if (
    roles.length === 0 ||
    invalid.length > 0 ||
    !values.subject ||
    !(hours > 0 && hours <= 24 * 30)
  ) {
    console.error(
      `usage: npm run token -- --role <${ALL_ROLES.join('|')}> --subject <name> [--employee-id <uuid>] [--hours 1..720]` +
        (invalid.length ? `\nunknown role: ${invalid.join(', ')}` : ''),
    );
    process.exit(2);
  }
  const tokens = new TokenService(loadAppConfig());
  const employeeId = values['employee-id'];
  console.log(
    tokens.issue(
      { subject: values.subject, roles: roles as Role[], ...(employeeId && { employeeId }) },
      Math.round(hours * 3600),
    ),
  );
}

main();
