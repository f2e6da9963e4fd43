import { join } from 'node:path';
import Conf from 'conf';
import { CliError } from '../errors.js';
import { configDir, DEFAULT_PROFILE } from './location.js';
import { checkConfigFile, prepareConfigDir, withConfigLock } from './guard.js';

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


/** The one config file: profiles with their API URL and token, and the active profile. */
export interface ConfigStore {
  readonly path: string;
  activeProfileName(): string;
  setActiveProfile(name: string): void;
  profiles(): Record<string, StoredProfile>;
  profile(name: string): StoredProfile | undefined;
  saveProfile(name: string, profile: StoredProfile): void;
  /** Changes some fields of a profile (undefined removes one), read and written under the lock. */
  updateProfile(name: string, patch: Partial<Record<keyof StoredProfile, string | undefined>>): void;
  removeProfile(name: string): boolean;
}

export function openConfigStore(env: NodeJS.ProcessEnv): ConfigStore {
  const dir = configDir(env);
  // The file holds tokens: a 0700 directory and a 0600 file, whatever the umask.
  prepareConfigDir(dir);
  const path = join(dir, 'config.json');
  checkConfigFile(path);
  let conf: Conf<StoredConfig>;
  try {
    // Under the lock: the constructor writes the defaults merged into what it read.
    conf = withConfigLock(dir, () => new Conf<StoredConfig>({
      projectName: 'qarnot',
      cwd: dir,
      configName: 'config',
      configFileMode: 0o600,
      defaults: { activeProfile: DEFAULT_PROFILE, profiles: {} },
      // A broken file is reported, never silently wiped: it holds the user's tokens.
      clearInvalidConfig: false,
      // Dots are legal in profile names; we never use dotted keys.
      accessPropertiesByDotNotation: false,
      watch: false,
    }));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(
      `the config file ${path} is unreadable (${reason}); fix it by hand, or move it away and run "qarnot login" again`,
    );
  }
  const read = (): StoredConfig => ({
    activeProfile: conf.get('activeProfile') ?? DEFAULT_PROFILE,
    profiles: conf.get('profiles') ?? {},
  });
  return {
    path,
    activeProfileName: () => read().activeProfile,
    setActiveProfile: (name) => withConfigLock(dir, () => conf.set('activeProfile', name)),
    profiles: () => read().profiles,
    profile: (name) => read().profiles[name],
    // Writes re-read the file under the lock: a parallel writer's profiles are kept.
    saveProfile: (name, profile) =>
      withConfigLock(dir, () => {
        const clean = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && v !== ''));
        conf.set('profiles', { ...read().profiles, [name]: clean });
      }),
    updateProfile: (name, patch) =>
      withConfigLock(dir, () => {
        const merged: Record<string, string | undefined> = { ...read().profiles[name], ...patch };
        const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== ''));
        conf.set('profiles', { ...read().profiles, [name]: clean });
      }),
    removeProfile: (name) =>
      withConfigLock(dir, () => {
        const profiles = { ...read().profiles };
        if (!(name in profiles)) return false;
        delete profiles[name];
        conf.set('profiles', profiles);
        return true;
      }),
  };
}
