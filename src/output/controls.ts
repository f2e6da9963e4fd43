/**
 * Control characters but tab and new line, shown as `\x1b`: a value from the API or a bucket
 * key (`\x1b]2;...`, `\x1b[2J`) must not drive the terminal it is shown on. JSON output keeps
 * them, escaped by JSON. A module of its own: every error message goes through it.
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
