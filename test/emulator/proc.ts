import { readFileSync } from 'node:fs';

/** State letter of a process in /proc (Z: zombie), or null once it is gone. */
export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.charAt(stat.lastIndexOf(')') + 2);
  } catch {
    return null;
  }
}

/** A process that runs: present and not a zombie (init here may never reap escaped processes). */
export const running = (pid: number): boolean => ![null, 'Z'].includes(procState(pid));
