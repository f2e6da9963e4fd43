// Checks of the fields today's SDKs send beyond the v1.0 reference (network rules, forced
// constants, secrets access, multi-slots, queue time, project); normalizes their spelling.
import type { Account } from './store.js';
import { projectsOf } from './projects.js';
import { isObj, matchEnum, type Obj } from './util.js';
import { invalid } from './validation.js';

function list(field: string, v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid(field, 'must be an array.');
  return v;
}

function checkNetworkRules(v: unknown): Obj[] | undefined {
  if (v === undefined || v === null) return undefined;
  return list('forcedNetworkRules', v).map((r, i) => {
    const f = `forcedNetworkRules[${i}]`;
    if (!isObj(r)) throw invalid(f, 'must be an object.');
    if (typeof r.inbound !== 'boolean') throw invalid(`${f}.inbound`, 'is required (true or false).');
    if (typeof r.proto !== 'string' || r.proto === '') throw invalid(`${f}.proto`, 'is required (e.g. "tcp").');
    if (r.port !== undefined && r.port !== null) {
      const port = Number(r.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(`${f}.port`, `'${String(r.port)}' is not a port number (1-65535).`);
    }
    const out: Obj = {};
    for (const k of ['inbound', 'proto', 'to', 'port', 'publicHost', 'publicPort', 'forwarder', 'priority', 'description', 'toQBox', 'toPayload', 'name', 'applicationType']) {
      out[k] = r[k] ?? null;
    }
    return out;
  });
}

function checkForcedConstants(v: unknown): Obj[] | undefined {
  if (v === undefined || v === null) return undefined;
  return list('forcedConstants', v).map((c, i) => {
    const f = `forcedConstants[${i}]`;
    if (!isObj(c)) throw invalid(f, 'must be an object.');
    if (typeof c.constantName !== 'string' || c.constantName === '') throw invalid(`${f}.constantName`, 'is required.');
    let access: string | null = null;
    if (c.access !== undefined && c.access !== null) {
      access = matchEnum(c.access, ['readOnly', 'readWrite'] as const) ?? null;
      if (!access) throw invalid(`${f}.access`, `'${String(c.access)}' is not readOnly or readWrite.`);
    }
    return { constantName: c.constantName, forcedValue: c.forcedValue ?? null, forceExportInEnvironment: c.forceExportInEnvironment ?? null, access };
  });
}

function checkSecretsAccess(v: unknown): Obj | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw invalid('secretsAccessRights', 'must be an object {bySecret: [{key}], byPrefix: [{prefix}]}.');
  const bySecret = list('secretsAccessRights.bySecret', v.bySecret).map((s, i) => {
    if (!isObj(s) || typeof s.key !== 'string' || s.key === '') throw invalid(`secretsAccessRights.bySecret[${i}].key`, 'must be a non-empty string.');
    return { key: s.key };
  });
  const byPrefix = list('secretsAccessRights.byPrefix', v.byPrefix).map((s, i) => {
    if (!isObj(s) || typeof s.prefix !== 'string') throw invalid(`secretsAccessRights.byPrefix[${i}].prefix`, 'must be a string.');
    return { prefix: s.prefix };
  });
  return { bySecret, byPrefix };
}

function positiveInt(field: string, v: unknown, min: number): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw invalid(field, `must be an integer of at least ${min}.`);
}

/** Validates and returns the normalized values to store in the record's input. */
export function checkTodayFields(acc: Account, input: Obj, kind: 'task' | 'pool'): Obj {
  const out: Obj = {};
  const rules = checkNetworkRules(input.forcedNetworkRules);
  if (rules) out.forcedNetworkRules = rules;
  const forced = checkForcedConstants(input.forcedConstants);
  if (forced) out.forcedConstants = forced;
  const secrets = checkSecretsAccess(input.secretsAccessRights);
  if (secrets) out.secretsAccessRights = secrets;
  positiveInt('maxTimeQueueSeconds', input.maxTimeQueueSeconds, 0);
  if (kind === 'pool' && input.multiSlotsSettings !== undefined && input.multiSlotsSettings !== null) {
    if (!isObj(input.multiSlotsSettings)) throw invalid('multiSlotsSettings', 'must be an object {slotsPerNode: n}.');
    positiveInt('multiSlotsSettings.slotsPerNode', input.multiSlotsSettings.slotsPerNode, 1);
  }
  if (input.targetedReservationName !== undefined && input.targetedReservationName !== null && typeof input.targetedReservationName !== 'string') {
    throw invalid('targetedReservationName', 'must be a string.');
  }
  const project = input.projectUuid;
  if (project !== undefined && project !== null && project !== '') {
    const found = projectsOf(acc).find((p) => p.uuid === String(project).toLowerCase());
    if (!found) throw invalid('projectUuid', `unknown project '${String(project)}'.`);
    out.projectUuid = found.uuid;
  }
  return out;
}
