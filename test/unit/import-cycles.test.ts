import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The modules a source file loads at run time: static and dynamic imports and re-exports, not `import type`. */
export function runtimeImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const [, kind, target] of code.matchAll(/^\s*(import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'/gm)) if (kind) found.push(target!);
  for (const [, target] of code.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(target!);
  for (const [, target] of code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(target!);
  return found;
}

function resolveImport(from: string, target: string): string | undefined {
  if (!target.startsWith('.')) return undefined; // packages and node: built-ins
  const path = join(dirname(from), target).replace(/\.js$/, '.ts');
  return existsSync(path) ? path : undefined;
}

/** Every cycle reachable from `entry`, each as the list of files around it. */
function findCycles(entry: string): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (file: string) => {
    if (onStack.has(file)) {
      cycles.push([...stack.slice(stack.indexOf(file)), file].map((f) => relative(SRC, f)));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    onStack.add(file);
    for (const target of runtimeImports(readFileSync(file, 'utf8'))) {
      const next = resolveImport(file, target);
      if (next) visit(next);
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  visit(entry);
  return cycles;
}

describe('imports', () => {
  it('reads static and dynamic imports, not type-only ones', () => {
    const text = `import { a } from './a.js';\nimport type { B } from './b.js';\nimport { c, type C } from './c.js';\nexport { d } from './d.js';\nexport type { E } from './e.js';\nconst f = () => import('./f.js');\n// import { g } from './g.js';\n`;
    expect(runtimeImports(text)).toEqual(['./a.js', './c.js', './d.js', './f.js']);
  });

  it('have no cycle at run time, from src/cli.ts through every static and dynamic import', () => {
    expect(findCycles(join(SRC, 'cli.ts'))).toEqual([]);
  });
});
