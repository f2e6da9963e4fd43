/**
 * The first key given twice in one object of a JSON text (already known to be
 * valid JSON), with the path of that object; JSON.parse keeps the last one
 * silently, YAML refuses them, and so do we.
 */
export function duplicateJsonKey(text: string): { key: string; path: string } | undefined {
  // One frame per open object or array: an object's keys, and the path to it.
  const stack: { keys?: Set<string>; path: string; index: number }[] = [];
  let pendingKey: string | undefined;
  let i = 0;
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.keys) return top.path === '' ? pendingKey! : `${top.path}.${pendingKey!}`;
    return `${top.path}[${top.index}]`;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      let after = end + 1;
      while (/\s/.test(text[after] ?? '')) after++;
      if (top?.keys && text[after] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { key, path: top.path };
        top.keys.add(key);
        pendingKey = key;
      }
      i = end + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      const path = childPath();
      stack.push(ch === '{' ? { keys: new Set(), path, index: 0 } : { path, index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
    }
    i++;
  }
  return undefined;
}
