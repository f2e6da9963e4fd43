import { join } from 'node:path';
import { configDir, DEFAULT_PROFILE } from './location.js';
import { prepareConfigDir, readConfigFile, withConfigLock, writeConfigFile } from './guard.js';

export interface StoredProfile {
  apiUrl?: string;
  token?: string;
  /** Default account to read with --as. */
  as?: string;
  /** S3 storage URL, when not the one GET /settings gives. */
  storageUrl?: string;
  /** The storage access key (the account e-mail), sparing a GET /info. */
  accountEmail?: string;
}

interface StoredConfig {
  activeProfile: string;
  profiles: Record<string, StoredProfile>;
}

/**
 * The one config file: profiles with their API URL and token, and the active profile.
 * Reads go to the file as it is, with no lock and no write; changes re-read it under the
 * lock and write it whole, so a parallel writer's profiles are kept.
 */
export interface ConfigStore {
  readonly path: string;
  activeProfileName(): string;
  setActiveProfile(name: string): Promise<void>;
  profiles(): Record<string, StoredProfile>;
  profile(name: string): StoredProfile | undefined;
  saveProfile(name: string, profile: StoredProfile): Promise<void>;
  /** Changes some fields of a profile (undefined removes one), read and written under the lock. */
  updateProfile(name: string, patch: Partial<Record<keyof StoredProfile, string | undefined>>): Promise<void>;
  removeProfile(name: string): Promise<boolean>;
}

export function openConfigStore(env: NodeJS.ProcessEnv): ConfigStore {
  const dir = configDir(env);
  const path = join(dir, 'config.json');
  const load = (): StoredConfig => {
    const data = (readConfigFile(dir) ?? {}) as Partial<StoredConfig>;
    return { ...data, activeProfile: data.activeProfile ?? DEFAULT_PROFILE, profiles: data.profiles ?? {} };
  };
  let current = load();
  const change = async <T>(edit: (config: StoredConfig) => T): Promise<T> => {
    prepareConfigDir(dir);
    return withConfigLock(dir, () => {
      const config = load();
      const result = edit(config);
      writeConfigFile(dir, config);
      current = config;
      return result;
    });
  };
  const clean = (profile: Record<string, string | undefined>): StoredProfile =>
    Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && v !== ''));
  // Own keys only: a context named "constructor" or "toString" is not Object.prototype's.
  const own = (profiles: Record<string, StoredProfile>, name: string) => (Object.hasOwn(profiles, name) ? profiles[name] : undefined);
  return {
    path,
    activeProfileName: () => current.activeProfile,
    setActiveProfile: (name) => change((c) => void (c.activeProfile = name)),
    profiles: () => current.profiles,
    profile: (name) => own(current.profiles, name),
    saveProfile: (name, profile) => change((c) => void (c.profiles = { ...c.profiles, [name]: clean({ ...profile }) })),
    updateProfile: (name, patch) => change((c) => void (c.profiles = { ...c.profiles, [name]: clean({ ...own(c.profiles, name), ...patch }) })),
    removeProfile: (name) =>
      change((c) => {
        if (!Object.hasOwn(c.profiles, name)) return false;
        const { [name]: _removed, ...rest } = c.profiles;
        c.profiles = rest;
        return true;
      }),
  };
}
