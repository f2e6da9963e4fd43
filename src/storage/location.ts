import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { UsageError } from '../errors.js';

export interface RemoteLocation {
  bucket: string;
  /** Key or key prefix, `/`-separated, '' for the whole bucket. */
  path: string;
  /** `path` is a prefix of keys as it is (a task's results prefix, "run1-"), not a folder ("a/b" → "a/b/"). */
  keyPrefix?: boolean;
}

/**
 * S3's bucket naming rules (what Ceph enforces by default): 3-63 characters of
 * lowercase letters, digits, "." and "-", starting and ending with a letter or
 * digit, no "..", not shaped like an IP address.
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return 'may hold only lowercase letters, digits, "." and "-", and must start and end with a letter or digit';
  if (name.includes('..') || name.includes('.-') || name.includes('-.')) return 'may not hold "..", ".-" or "-."';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'may not look like an IP address';
  if (name.startsWith('xn--') || name.endsWith('-s3alias')) return 'may not start with "xn--" or end with "-s3alias"';
  return undefined;
}

export function checkBucketName(name: string, what = 'NAME'): string {
  const problem = bucketNameProblem(name);
  if (problem) throw new UsageError(`${what}: bucket name "${name}" ${problem}`);
  return name;
}

/** `bucket`, `bucket/prefix/key` or `s3://bucket/...`; the bucket name is checked. */
export function parseRemote(arg: string, what = 'NAME'): RemoteLocation {
  const text = arg.startsWith('s3://') ? arg.slice('s3://'.length) : arg;
  const slash = text.indexOf('/');
  const bucket = slash < 0 ? text : text.slice(0, slash);
  checkBucketName(bucket, what);
  const path = slash < 0 ? '' : text.slice(slash + 1);
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_KEY_BYTES) throw new UsageError(`${what}: the key is ${bytes} bytes long (UTF-8); the storage takes at most ${MAX_KEY_BYTES}`);
  return { bucket, path };
}

/** S3's limit on a key, in bytes of UTF-8. */
const MAX_KEY_BYTES = 1024;

/** Written as a local path: ./x, ../x, /x, ~/x, . or .., C:\x. */
function looksLocal(arg: string): boolean {
  return arg === '.' || arg === '..' || arg === '-' || /^(\.{1,2}[\\/]|[\\/]|~|[A-Za-z]:[\\/])/.test(arg);
}

export type Side = { local: string } | { remote: RemoteLocation };

/**
 * Which side of a sync an argument is, by its shape: `s3://...` or a bare
 * `bucket[/prefix]` is remote; `./dir`, `/dir`, `~/dir` are local. A bare word
 * that is also a local path is ambiguous and refused.
 */
export function parseSide(arg: string, what: string): Side {
  if (arg.startsWith('s3://')) return { remote: parseRemote(arg, what) };
  if (looksLocal(arg)) return { local: withHome(arg) };
  if (existsSync(arg)) {
    throw new UsageError(`${what}: "${arg}" could be the local path or a bucket: write ./${arg} for the local one, or s3://${arg} for the bucket`);
  }
  return { remote: parseRemote(arg, what) };
}

/**
 * "~" and "~/x" as the home directory, as the shell would have it: quoted ("~/out", a
 * variable, --opt=~/out in zsh) the shell leaves it, and the download made a directory
 * named "~" where it ran (one "rm -rf ~" away from the real one).
 */
function withHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
}

/** Joins a prefix and a relative path with exactly one `/`. */
export function joinKey(prefix: string, rel: string): string {
  if (prefix === '') return rel;
  return prefix.endsWith('/') ? prefix + rel : `${prefix}/${rel}`;
}

/** The prefix a sync or recursive get lists: the path as a folder (`a/b` → `a/b/`). */
export function folderPrefix(path: string): string {
  return path === '' || path.endsWith('/') ? path : `${path}/`;
}
