import { Role } from '../../src/auth/role.js';

/**
 * The intended access of every GraphQL operation. The access walk (test/e2e/access-policy.e2e.spec.ts)
 * fails when an operation is missing here, or when the running service lets anyone else in.
 */
export type Access = 'PUBLIC' | readonly Role[];

const { ADMIN, MANAGER, HR_SYSTEM, TECHNICIAN, PHARMACIST } = Role;
const EVERYONE_SIGNED_IN = [ADMIN, MANAGER, HR_SYSTEM, TECHNICIAN, PHARMACIST] as const;
const STAFF_ADMIN = [ADMIN, MANAGER, HR_SYSTEM] as const;

export const ACCESS_POLICY: Record<string, Access> = {
  // queries
  serviceInfo: 'PUBLIC',
  viewer: EVERYONE_SIGNED_IN,
  zonedTime: EVERYONE_SIGNED_IN,
  employees: STAFF_ADMIN,
  employee: EVERYONE_SIGNED_IN,
  me: [TECHNICIAN, PHARMACIST],
  jurisdictionRuleSets: EVERYONE_SIGNED_IN,
  ruleSetInForce: EVERYONE_SIGNED_IN,
  queues: EVERYONE_SIGNED_IN,
  shiftTemplates: EVERYONE_SIGNED_IN,
  forecast: [ADMIN, MANAGER],
  node: EVERYONE_SIGNED_IN,
  auditEvents: [ADMIN],
  queueStaffing: [ADMIN, MANAGER],
  staffingRequirements: [ADMIN, MANAGER],
  optimizationRun: [ADMIN, MANAGER],
  optimizationRuns: [ADMIN, MANAGER],
  roster: [ADMIN, MANAGER, HR_SYSTEM],
  rosters: [ADMIN, MANAGER, HR_SYSTEM],
  publishedRoster: [ADMIN, MANAGER, HR_SYSTEM],
  apiKeys: [ADMIN],
  createApiKey: [ADMIN],
  revokeApiKey: [ADMIN],
  compareRosters: [ADMIN, MANAGER],
  startRosterOptimization: [ADMIN, MANAGER],
  cancelOptimizationRun: [ADMIN, MANAGER],
  publishRoster: [ADMIN, MANAGER],
  addRosterShift: [ADMIN, MANAGER],
  moveRosterShift: [ADMIN, MANAGER],
  removeRosterShift: [ADMIN, MANAGER],
  setRosterAllocation: [ADMIN, MANAGER],
  loadSampleOrganisation: [ADMIN],
  // mutations
  upsertEmployees: STAFF_ADMIN,
  upsertLicences: STAFF_ADMIN,
  upsertCertifications: STAFF_ADMIN,
  setAvailability: EVERYONE_SIGNED_IN,
  requestTimeOff: [ADMIN, MANAGER, TECHNICIAN, PHARMACIST],
  decideTimeOff: [ADMIN, MANAGER],
  publishRuleSet: [ADMIN],
  upsertQueue: [ADMIN, MANAGER],
  upsertShiftTemplate: [ADMIN, MANAGER],
  importForecast: [ADMIN, MANAGER],
  importForecastCsv: [ADMIN, MANAGER],
  myShifts: [TECHNICIAN, PHARMACIST],
  createCalendarFeed: [TECHNICIAN, PHARMACIST],
  myNotifications: [TECHNICIAN, PHARMACIST, MANAGER, ADMIN],
  markNotificationsRead: [TECHNICIAN, PHARMACIST, MANAGER, ADMIN],
  myShiftTrades: [TECHNICIAN, PHARMACIST],
  shiftTrade: [TECHNICIAN, PHARMACIST, MANAGER, ADMIN],
  shiftTrades: [MANAGER, ADMIN],
  shiftOpportunities: [TECHNICIAN, PHARMACIST],
  openShifts: [MANAGER, ADMIN],
  requestShiftSwap: [TECHNICIAN, PHARMACIST],
  offerShift: [TECHNICIAN, PHARMACIST],
  respondToShiftTrade: [TECHNICIAN, PHARMACIST],
  claimShiftOffer: [TECHNICIAN, PHARMACIST],
  pickUpOpenShift: [TECHNICIAN, PHARMACIST],
  cancelShiftTrade: [TECHNICIAN, PHARMACIST],
  decideShiftTrade: [MANAGER, ADMIN],
  postOpenShift: [MANAGER, ADMIN],
  cancelOpenShift: [MANAGER, ADMIN],
  revokeCalendarFeed: [ADMIN, MANAGER, TECHNICIAN, PHARMACIST],
};
