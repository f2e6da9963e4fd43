import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface LocalFile {
  /** `/`-separated path under the tree's root: the key suffix. */
  rel: string;
  path: string;
  size: number;
  mtimeMs: number;
  /** Size, times and inode: the file is taken as unchanged while these are (etag-cache.ts). */
  stamp: string;
}

/**
 * Every file under `root`, symlinks followed (as the AWS CLI and rclone -L), sorted by path.
 * Synchronous: for 2,000 files 60-130 ms against 135-240 ms with a promise per readdir and
 * stat; the event loop has nothing else to do meanwhile.
 */
export function walkFiles(root: string): LocalFile[] {
  const files: LocalFile[] = [];
  const visit = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let info: Stats | undefined;
      if (entry.isSymbolicLink() || entry.isFile()) {
        info = statSync(path, { throwIfNoEntry: false });
        if (!info) continue; // A dangling link: nothing to send.
        isDir = info.isDirectory();
      }
      if (isDir) visit(path, childRel);
      else if (info?.isFile()) files.push({ rel: childRel, path, size: info.size, mtimeMs: info.mtimeMs, stamp: `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}` });
    }
  };
  visit(root, '');
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
