import type { HardwareConstraint } from '../../api/types.js';
import type { View } from '../../output/print.js';

/** Everything but the discriminator, as `key=value` pairs. */
function parameters(h: HardwareConstraint): string {
  return Object.entries(h)
    .filter(([k]) => k !== 'discriminator')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
}

export const hardwareView: View<HardwareConstraint> = {
  plural: 'hardware constraints',
  id: (h) => (h.specificationKey as string | undefined) ?? (h.cpuModel as string | undefined) ?? h.discriminator,
  columns: [
    { header: 'TYPE', value: (h) => h.discriminator.replace(/HardwareConstraint$/, '') },
    { header: 'PARAMETERS', value: parameters, flexible: true },
  ],
};
