import { createServer } from 'node:net';
import { isObj } from './util.js';

/** An inbound port of an instance as the API reports it in `activeForwards`. */
export interface ActiveForward {
  applicationPort: number;
  forwarderHost: string;
  forwarderPort: number;
  bindAddress: string | null;
}

export const FORWARDER_HOST = '127.0.0.1';

/** Application ports of the inbound TCP rules among forcedNetworkRules (a task's and its pool's). */
export function inboundPorts(...ruleLists: unknown[]): number[] {
  const ports = new Set<number>();
  for (const rules of ruleLists) {
    if (!Array.isArray(rules)) continue;
    for (const r of rules) {
      if (!isObj(r) || r.inbound !== true) continue;
      if (typeof r.proto === 'string' && r.proto.toLowerCase() !== 'tcp') continue;
      const port = Number(r.port);
      if (Number.isInteger(port) && port > 0 && port < 65536) ports.add(port);
    }
  }
  return [...ports];
}

/** A port nobody listens on now: the system picks it, we release it for the instance. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, FORWARDER_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Emulated instances share the host's network, so an instance cannot have its own port 8080:
 * each inbound port gets a free loopback port, which the instance is told to listen on
 * (QARNOT_FORWARD_PORT_<applicationPort>) and which the API reports as the forwarder.
 */
export async function allocateForwards(ports: number[]): Promise<ActiveForward[]> {
  const out: ActiveForward[] = [];
  for (const applicationPort of ports) {
    out.push({ applicationPort, forwarderHost: FORWARDER_HOST, forwarderPort: await freePort(), bindAddress: null });
  }
  return out;
}

export function forwardsEnv(forwards: readonly ActiveForward[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const f of forwards ?? []) env[`QARNOT_FORWARD_PORT_${f.applicationPort}`] = String(f.forwarderPort);
  return env;
}
