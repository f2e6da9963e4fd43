import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export interface LocalFile {
  /** `/`-separated path under the tree's root: the key suffix. */
  rel: string;
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every file under `root`, symlinks followed (as the AWS CLI and rclone -L), sorted by path. */
export async function walkFiles(root: string): Promise<LocalFile[]> {
  const files: LocalFile[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        let info: { size: number; mtimeMs: number } | undefined;
        if (entry.isSymbolicLink() || isFile) {
          try {
            const s = await stat(path);
            isDir = s.isDirectory();
            isFile = s.isFile();
            info = s;
          } catch {
            return; // A dangling link: nothing to send.
          }
        }
        if (isDir) await visit(path, childRel);
        else if (isFile && info) files.push({ rel: childRel, path, size: info.size, mtimeMs: info.mtimeMs });
      }),
    );
  };
  await visit(root, '');
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
