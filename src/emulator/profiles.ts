interface ProfileConstant {
  name: string;
  value: string;
  description: string;
}
export interface Profile {
  name: string;
  constants: ProfileConstant[];
  licenses: { name: string; maxInstances: number; maxCores: number }[];
}

const dockerConstants = (cmd: string): ProfileConstant[] => [
  { name: 'DOCKER_REPO', value: 'library/ubuntu', description: 'Docker image to use (ignored by the emulator: no container is started)' },
  { name: 'DOCKER_TAG', value: 'latest', description: 'Docker image tag (ignored by the emulator)' },
  { name: 'DOCKER_CMD', value: cmd, description: 'Command run by each instance; the emulator runs it with /bin/sh -c on the host' },
];

export const PROFILES: readonly Profile[] = [
  { name: 'docker-batch', constants: dockerConstants(''), licenses: [] },
  { name: 'docker-network', constants: dockerConstants(''), licenses: [] },
  { name: 'ubuntu', constants: [{ name: 'DOCKER_CMD', value: '', description: 'Command run by each instance with /bin/sh -c on the host' }], licenses: [] },
  {
    name: 'python',
    constants: [
      { name: 'PYTHON_SCRIPT', value: 'main.py', description: 'Script path (informational; set DOCKER_CMD to run something)' },
      { name: 'DOCKER_CMD', value: '', description: 'Command run by each instance with /bin/sh -c on the host' },
    ],
    licenses: [],
  },
];

export function findProfile(name: string): Profile | undefined {
  const lower = name.toLowerCase();
  return PROFILES.find((p) => p.name === lower);
}

export const HARDWARE_CONSTRAINTS: readonly Record<string, unknown>[] = [
  { discriminator: 'MinimumCoreHardwareConstraint', coreCount: 4 },
  { discriminator: 'MinimumCoreHardwareConstraint', coreCount: 16 },
  { discriminator: 'MaximumCoreHardwareConstraint', coreCount: 32 },
  { discriminator: 'MinimumRamHardwareConstraint', minimumMemoryMB: 16384 },
  { discriminator: 'MaximumRamHardwareConstraint', maximumMemoryMB: 65536 },
  { discriminator: 'MinimumRamCoreRatioHardwareConstraint', minimumMemoryGBCoreRatio: 2 },
  { discriminator: 'MaximumRamCoreRatioHardwareConstraint', maximumMemoryGBCoreRatio: 8 },
  { discriminator: 'SpecificHardwareConstraint', specificationKey: '8c-32g-amd-rz3700x' },
  { discriminator: 'GpuHardwareConstraint' },
  { discriminator: 'NoGpuHardwareConstraint' },
  { discriminator: 'SSDHardwareConstraint' },
  { discriminator: 'NoSSDHardwareConstraint' },
  { discriminator: 'CpuModelHardwareConstraint', cpuModel: 'AMD Ryzen 7 1700X Eight-Core Processor' },
  { discriminator: 'CpuModelHardwareConstraint', cpuModel: 'AMD Ryzen 7 2700 Eight-Core Processor' },
  { discriminator: 'CpuModelHardwareConstraint', cpuModel: 'Intel Xeon E-2236' },
];

export const HARDWARE_DISCRIMINATORS = [
  'MinimumCoreHardwareConstraint',
  'MaximumCoreHardwareConstraint',
  'MinimumRamHardwareConstraint',
  'MaximumRamHardwareConstraint',
  'MinimumRamCoreRatioHardwareConstraint',
  'MaximumRamCoreRatioHardwareConstraint',
  'SpecificHardwareConstraint',
  'GpuHardwareConstraint',
  'NoGpuHardwareConstraint',
  'SSDHardwareConstraint',
  'NoSSDHardwareConstraint',
  'CpuModelHardwareConstraint',
] as const;

/** What the emulator pretends each instance runs on, reported in status and completed instances. */
export const FAKE_MACHINE = {
  cpuModel: 'AMD Ryzen 7 1700X Eight-Core Processor',
  coreCount: 16,
  specificationKey: '8c-32g-amd-rz3700x',
  clockRatio: 1,
  frequencyGHz: 3.4,
};
