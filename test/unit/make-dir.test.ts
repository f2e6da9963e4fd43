import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/lib/make-dir.js';

describe('makeDirectory', () => {
  it('creates the missing levels with the mode asked, and leaves existing ones alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'qarnot-make-dir-'));
    try {
      makeDirectory(join(root, 'a', 'b', 'c'), 0o700);
      expect(statSync(join(root, 'a', 'b', 'c')).mode & 0o777).toBe(0o700);
      makeDirectory(join(root, 'a', 'b', 'c'));
      expect(existsSync(join(root, 'a', 'b', 'c'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Node 20's recursive mkdir spins forever there, deaf to SIGTERM (issue 18 #25).
  it.skipIf(!existsSync('/proc/self'))('throws where the file system refuses new directories (/proc)', () => {
    expect(() => makeDirectory('/proc/qarnot-nope/deeper')).toThrow(/ENOENT/);
  });
});
