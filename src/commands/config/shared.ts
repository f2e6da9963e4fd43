import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { ConfigStore, StoredProfile } from '../../config/store.js';
import { CONFIG_KEYS } from '../catalog.js';
import { contextFromEnv, unknownContext } from '../../config/resolve.js';

export type ConfigKey = (typeof CONFIG_KEYS)[number];

const FIELD: Record<ConfigKey, keyof StoredProfile> = { 'api-url': 'apiUrl', as: 'as', 'storage-url': 'storageUrl', 'account-email': 'accountEmail' };

export function fieldOf(key: string): keyof StoredProfile {
  if (key === 'token') throw new UsageError('the token is not a plain setting: store it with "qarnot login" (it is read from a prompt or stdin)');
  if (!(CONFIG_KEYS as readonly string[]).includes(key)) throw new UsageError(`KEY must be one of ${CONFIG_KEYS.join(', ')}, got "${key}"`);
  return FIELD[key as ConfigKey];
}

/** The stored context a config command acts on: --context, then QARNOT_CONTEXT, then the one in use. */
export function targetProfile(ctx: Context, store: ConfigStore): string {
  return ctx.globals.context ?? contextFromEnv(ctx.env) ?? store.activeProfileName();
}

/**
 * As targetProfile, for a verb that changes a setting: a context named with --context (or
 * QARNOT_CONTEXT) must exist, else a typo would silently make a new one ("login --context
 * NAME" and "context add" make them).
 */
export function existingTarget(ctx: Context, store: ConfigStore): string {
  const name = targetProfile(ctx, store);
  if (name !== store.activeProfileName() && store.profile(name) === undefined) throw unknownContext(name, store);
  return name;
}

export function checkProfileName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
    throw new UsageError(`context NAME must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit, got "${name}"`);
  }
  return name;
}

/** As gh says of GH_TOKEN: a token in the environment beats the stored one, whatever login or logout just did. */
export function warnEnvironmentToken(ctx: Context): void {
  if (ctx.globals.context === undefined && ctx.env.QARNOT_CLIENT_TOKEN?.trim()) {
    ctx.io.err('warning: QARNOT_CLIENT_TOKEN is set: commands authenticate with it, not with the stored token, until you unset it (or name the context with --context)\n');
  }
}
