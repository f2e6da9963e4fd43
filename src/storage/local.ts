import { readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export interface LocalFile {
  /** `/`-separated path under the tree's root: the key suffix. */
  rel: string;
  path: string;
  size: number;
  mtimeMs: number;
  /** Size, times and inode: the file is taken as unchanged while these are (etag-cache.ts). */
  stamp: string;
}

/** A path the walk left out, and why: a dangling link or a loop (nothing to send), an unreadable directory (a failure). */
export interface WalkProblem {
  path: string;
  reason: string;
  failed: boolean;
}

/**
 * Every file under `root`, symlinks followed (as the AWS CLI and rclone -L), sorted by path.
 * A link back to a directory above it is left out (the AWS CLI follows such a loop forty
 * levels deep, sending the tree again at each). Synchronous: for 2,000 files 60-130 ms
 * against 135-240 ms with a promise per readdir and stat; the event loop has nothing else
 * to do meanwhile.
 */
export function walkFiles(root: string, onProblem: (problem: WalkProblem) => void = () => undefined): LocalFile[] {
  const files: LocalFile[] = [];
  // The directories from the root down to the one being read, by device and inode.
  const above = new Set<string>();
  const visit = (dir: string, rel: string, info: Stats): void => {
    const id = `${info.dev}:${info.ino}`;
    if (above.has(id)) {
      onProblem({ path: dir, reason: 'a symlink loop (it leads back to a directory above it)', failed: false });
      return;
    }
    let entries;
    try {
      // Names as bytes: Linux allows any, S3 keys are UTF-8. Read as strings, a name in Latin-1
      // came back with U+FFFD, stat found no such file, and the file was skipped as "a symlink
      // to nothing" with exit 0: a file silently missing from the bucket.
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      onProblem({ path: dir, reason: `cannot read this directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`, failed: true });
      return;
    }
    above.add(id);
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      const path = join(dir, name);
      if (!Buffer.from(name, 'utf8').equals(entry.name)) {
        onProblem({ path, reason: 'its name is not valid UTF-8, which a key must be (rename it, e.g. with convmv)', failed: true });
        continue;
      }
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (!entry.isSymbolicLink() && !entry.isFile() && !entry.isDirectory()) continue; // Sockets, FIFOs, devices: no data to send.
      let child: Stats;
      try {
        child = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'a symlink to nothing' : code === 'ELOOP' ? 'a symlink loop' : `cannot read it (${code ?? String(error)})`;
        onProblem({ path, reason, failed: code !== 'ENOENT' && code !== 'ELOOP' });
        continue;
      }
      if (child.isDirectory()) visit(path, childRel, child);
      else if (child.isFile()) files.push({ rel: childRel, path, size: child.size, mtimeMs: child.mtimeMs, stamp: `${child.size}:${child.mtimeMs}:${child.ctimeMs}:${child.ino}` });
    }
    above.delete(id);
  };
  visit(root, '', statSync(root));
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Where a key's relative part goes under `root`, or undefined when it cannot go there
 * safely: `..` or `.` segments, empty segments (`a//b`, a leading `/`), NUL, or a
 * backslash on Windows. Nothing outside the tree is ever written.
 */
export function safeLocalPath(root: string, rel: string): string | undefined {
  if (rel === '' || rel.includes('\0')) return undefined;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || (sep === '\\' && /[\\:]/.test(s)))) return undefined;
  const base = resolve(root);
  const target = resolve(base, ...segments);
  return target.startsWith(base + sep) ? target : undefined;
}

/**
 * The file that stands where `dir` or one of its parents should be a directory, if any:
 * a download there would fail once per file ("a file is in the way"), so it is refused up front.
 */
export function fileInTheWay(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    let info: Stats | undefined;
    try {
      info = statSync(at);
    } catch {
      // Missing, or under a file (ENOTDIR): the parent tells.
    }
    if (info) return info.isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}
