// Flags of api-options.ts → body fields; checked locally (exit 2, nothing sent).
import { readFileSync } from 'node:fs';
import type { Http } from '../../api/http.js';
import { normalizeSecretKey } from '../../api/secrets.js';
import { findProject, listProjects } from '../../api/services.js';
import { UsageError } from '../../errors.js';
import { isUuid, parseDuration, parseInteger, parseKeyValueList, parseUuidOrShortname, quote } from '../../lib/parse.js';
import type { Body } from './body.js';

export interface ApiFieldFlags {
  project?: string;
  secret?: string[];
  secretPrefix?: string[];
  forward?: string[];
  sshKey?: string;
  forcedConstant?: string[];
  maxQueueTime?: string;
  reservation?: string;
  after?: string[];
  slotsPerNode?: string;
}

const FINAL_STATES = ['success', 'failure', 'cancelled'] as const;
const SSH_PORT = 22;

function parseForward(raw: string): { port: number; type: string | null } {
  const m = /^(\d{1,5})(?::([A-Za-z][A-Za-z0-9+.-]*))?$/.exec(raw.trim());
  const port = m ? Number(m[1]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UsageError(`--forward must be a port (1-65535), optionally with a type: 8080 or 8080:http, got ${quote(raw)}`);
  return { port, type: m[2] ?? null };
}

/** `ID:success`, `ID:failure,cancelled` → an advancedDependsOn item. */
export function parseAfter(raw: string): { taskUuid: string; taskFinalStateCondition: string[] } {
  const at = raw.lastIndexOf(':');
  const usage = `--after must be TASK:STATE[,STATE] with states among ${FINAL_STATES.join(', ')}, e.g. my-task:success, got ${quote(raw)}`;
  if (at <= 0) throw new UsageError(usage);
  const id = parseUuidOrShortname('--after', raw.slice(0, at));
  const states = raw.slice(at + 1).split(/[,|]/).map((s) => s.trim().toLowerCase());
  if (!states.length || states.some((s) => !(FINAL_STATES as readonly string[]).includes(s))) throw new UsageError(usage);
  return { taskUuid: id, taskFinalStateCondition: [...new Set(states)] };
}

function readPublicKey(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`--ssh-key: cannot read ${quote(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (/PRIVATE KEY/.test(text)) throw new UsageError(`--ssh-key: ${quote(path)} is a private key; give the public one (${path}.pub)`);
  if (!/^(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+ [A-Za-z0-9+/=]+/.test(text)) throw new UsageError(`--ssh-key: ${quote(path)} is not an OpenSSH public key (ssh-ed25519 AAAA...)`);
  return text;
}

const nonEmpty = (flag: string, raws: string[] | undefined) =>
  (raws ?? []).map((r) => {
    if (r.trim() === '') throw new UsageError(`${flag} must not be empty`);
    return r;
  });

/** Adds the fields of these flags to a task or pool body built from the other flags. */
export function applyApiFieldFlags(body: Body, opts: ApiFieldFlags, kind: 'task' | 'pool'): void {
  if (opts.project !== undefined) {
    if (opts.project.trim() === '') throw new UsageError('--project must not be empty');
    body.projectUuid = opts.project;
  }
  // Spelt as "secret set" stores them ("/db/pass/" is db/pass), or the instances would not get them.
  const keys = [...new Set(nonEmpty('--secret', opts.secret).map(normalizeSecretKey))];
  const prefixes = nonEmpty('--secret-prefix', opts.secretPrefix);
  if (keys.length || prefixes.length) body.secretsAccessRights = { bySecret: keys.map((key) => ({ key })), byPrefix: prefixes.map((prefix) => ({ prefix })) };
  const forwards = (opts.forward ?? []).map(parseForward);
  if (opts.sshKey !== undefined) {
    const key = readPublicKey(opts.sshKey);
    const constants = Array.isArray(body.constants) ? (body.constants as { key: string; value: string }[]).filter((c) => c.key !== 'DOCKER_SSH') : [];
    body.constants = [...constants, { key: 'DOCKER_SSH', value: key }];
    if (!forwards.some((f) => f.port === SSH_PORT)) forwards.push({ port: SSH_PORT, type: 'ssh' });
  }
  if (forwards.length) {
    body.forcedNetworkRules = forwards.map((f) => ({ inbound: true, proto: 'tcp', port: String(f.port), ...(f.type ? { name: f.type, applicationType: f.type } : {}) }));
  }
  if (opts.forcedConstant?.length) {
    body.forcedConstants = parseKeyValueList('--forced-constant', opts.forcedConstant).map(({ key, value }) => ({
      constantName: key,
      forcedValue: value,
      forceExportInEnvironment: true,
      access: 'readOnly',
    }));
  }
  if (opts.maxQueueTime !== undefined) body.maxTimeQueueSeconds = Math.ceil(parseDuration('--max-queue-time', opts.maxQueueTime) / 1000);
  if (opts.reservation !== undefined) {
    if (opts.reservation.trim() === '') throw new UsageError('--reservation must not be empty');
    if (body.schedulingType !== undefined && body.schedulingType !== 'reserved') {
      throw new UsageError(`--reservation needs --scheduling reserved, got --scheduling ${String(body.schedulingType)}`);
    }
    body.schedulingType = 'reserved';
    body.targetedReservationName = opts.reservation;
  }
  if (kind === 'task' && opts.after?.length) {
    const dependencies = (typeof body.dependencies === 'object' && body.dependencies !== null ? body.dependencies : {}) as Body;
    body.dependencies = { ...dependencies, advancedDependsOn: opts.after.map(parseAfter) };
  }
  if (kind === 'pool' && opts.slotsPerNode !== undefined) body.multiSlotsSettings = { slotsPerNode: parseInteger('--slots-per-node', opts.slotsPerNode, { min: 1, max: 1024 }) };
}

/** A project given by slug or name becomes its uuid (one GET /info); unknown: exit 2, nothing created. */
export async function resolveProjectField(http: () => Promise<Http>, bodies: Body[]): Promise<void> {
  const refs = bodies.filter((b) => typeof b.projectUuid === 'string' && !isUuid(b.projectUuid));
  if (!refs.length) return;
  const projects = await listProjects(await http());
  for (const body of refs) {
    const found = findProject(projects, body.projectUuid as string);
    if (!found) throw new UsageError(`--project: no project ${quote(body.projectUuid as string)} in this account; list them with "qarnot project list"`);
    body.projectUuid = found.uuid;
  }
}
