/**
 * The names of the kiosk API, kept apart from the schemas so the sandboxed preload can
 * expose them without bundling the validators.
 */
export const KIOSK_METHODS = [
  // The terminal
  'getAppInfo',
  'getHealth',
  'getOperator',
  'callStaff',
  'log',
  'reportDevices',
  'recordMetric',
  'printReceipt',
  // Identification
  'identifyByFace',
  'confirmSecondFactor',
  'identifyByQr',
  'identifyByCard',
  'identifyByCardReader',
  'identifyByIdNumber',
  'endSession',
  // Settlement, per counter mode
  'listRegistrationSlots',
  'prepareRegistration',
  'listPendingBills',
  'prepareOutpatientSettlement',
  'lookupCatalogue',
  'preparePharmacySettlement',
  'listInpatientStays',
  'admitInpatient',
  'prepareDischarge',
  'confirmSettlement',
  'declineQuote',
  'requoteSettlement',
  'cancelSettlement',
  // Family payment and the password-free cap (issue 15)
  'listFamily',
  'actForFamily',
  'attachPayer',
  'passSecondFactor',
  // Administration, behind the admin PIN
  'adminUnlock',
  'adminLock',
  'getDiagnostics',
  'reconcileDay',
  'listUnresolved',
  'resolveUnresolved',
  'signInOperator',
  'signOutOperator',
  'exitKiosk',
  'listDemoPersons',
  'demoEnrolFace',
  'getMetrics',
  'exportMetricsCsv',
  'exportDayCsv',
  'reverseOrphan',
  'findReceipt',
  // The staff side of the counter: cash taken, today's settlements
  'confirmCashTaken',
  'findTodaySettlements',
  'endShift',
] as const;

export type KioskMethod = (typeof KIOSK_METHODS)[number];

/** One IPC channel per method, namespaced so nothing else on ipcMain can collide. */
export const channelOf = (method: KioskMethod): string => `kiosk:${method}`;

export const isKioskMethod = (name: unknown): name is KioskMethod =>
  typeof name === 'string' && (KIOSK_METHODS as readonly string[]).includes(name);
