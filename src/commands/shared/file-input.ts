/**
 * Reads a request body written by a person: a JSON or YAML file, or stdin
 * with `-`. Every failure is a UsageError naming the flag, raised before
 * anything is sent. Resource-agnostic: tasks and pools both use it.
 */
import { createReadStream, fstatSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from '../../errors.js';
import { duplicateJsonKey } from '../../lib/json-duplicates.js';
import { quote } from '../../lib/parse.js';
import { checkFileFields, type FieldCheck } from './file-fields.js';

export type JsonObject = Record<string, unknown>;

export interface FileSource {
  stdin: Readable & { isTTY?: boolean };
}

/** `-f FILE`: the parsed document (any JSON value). */
export async function readStructuredFile(flag: string, path: string, source: FileSource): Promise<unknown> {
  const text = path === '-' ? await readStdin(flag, source.stdin) : await readPath(flag, path);
  return parseStructuredText(flag, path, text);
}

/**
 * A document that must be one object or an array of objects (a bulk submission),
 * its keys checked against the API's input schema.
 */
export async function readBodyFile(flag: string, path: string, source: FileSource, fields: FieldCheck): Promise<JsonObject | JsonObject[]> {
  const doc = expectBodies(flag, await readStructuredFile(flag, path, source));
  if (Array.isArray(doc)) return doc.map((item, i) => checkFileFields(`${flag} ${path}: item ${i}: `, item, fields));
  return checkFileFields(`${flag} ${path}: `, doc, fields);
}

function expectBodies(flag: string, doc: unknown): JsonObject | JsonObject[] {
  if (Array.isArray(doc)) {
    if (doc.length === 0) throw new UsageError(`${flag}: the array is empty; expected at least one object`);
    doc.forEach((item, i) => {
      if (!isObject(item)) throw new UsageError(`${flag}: item ${i} must be an object, got ${typeName(item)}`);
    });
    return doc as JsonObject[];
  }
  if (!isObject(doc)) throw new UsageError(`${flag}: expected an object (or an array of objects), got ${typeName(doc)}`);
  return doc;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

async function readPath(flag: string, path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${quote(path)}: ${describeFsError(error)}`);
  }
  if (info.isDirectory()) throw new UsageError(`${flag}: ${quote(path)} is a directory; expected a JSON or YAML file`);
  try {
    return await readBounded(flag, quote(path), createReadStream(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag}: cannot read ${quote(path)}: ${describeFsError(error)}`);
  }
}

/** A request body is small: a larger input (`-f /dev/zero`, a wrong file) is refused before it fills memory. */
export const MAX_FILE_INPUT_BYTES = 16 * 1024 * 1024;

async function readBounded(flag: string, where: string, input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_FILE_INPUT_BYTES) {
      (input as Readable & { destroy?: () => void }).destroy?.();
      throw new UsageError(`${flag}: ${where} is larger than ${MAX_FILE_INPUT_BYTES / 1024 / 1024} MiB; expected a JSON or YAML request body`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

async function readStdin(flag: string, stdin: Readable & { isTTY?: boolean }): Promise<string> {
  if (stdin.isTTY) throw new UsageError(`${flag} -: stdin is a terminal; pipe a JSON or YAML document into it`);
  // Node reads a directory on stdin (`< dir`) as empty: say what it is.
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd === 'number' && isDirectoryFd(fd)) throw new UsageError(`${flag} -: stdin is a directory; pipe a JSON or YAML document into it`);
  try {
    return await readBounded(flag, 'stdin', stdin);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag} -: cannot read stdin: ${describeFsError(error)}`);
  }
}

function isDirectoryFd(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false;
  }
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** Loaded only when a file is YAML. The bundle may wrap the package's exports in `default`. */
async function loadYaml(): Promise<YamlModule> {
  if (!yamlModule) {
    const mod = (await import('yaml')) as YamlModule & { default?: YamlModule };
    yamlModule = typeof mod.parseAllDocuments === 'function' ? mod : mod.default!;
  }
  return yamlModule;
}

/** JSON for `.json` files and documents that look like JSON (better messages); YAML otherwise. */
export async function parseStructuredText(flag: string, path: string, text: string): Promise<unknown> {
  const where = path === '-' ? 'stdin' : quote(path);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new UsageError(`${flag}: ${where} is empty; expected a JSON or YAML document`);
  const ext = extname(path).toLowerCase();
  const looksJson = ext === '.json' || /^\s*[[{]/.test(body);
  if (looksJson && ext !== '.yaml' && ext !== '.yml') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      if (ext === '.json') throw new UsageError(`${flag}: ${where} is not valid JSON: ${jsonError(error as Error, body)}`);
      // `{a: 1}` is YAML flow style: fall through.
    }
    if (parsed !== undefined) {
      const twice = duplicateJsonKey(body);
      if (twice) throw new UsageError(`${flag}: ${where} gives the key "${twice.key}" twice${twice.path ? ` in ${twice.path}` : ''}; keep one`);
      checkNumbers(`${flag} ${path}`, parsed, () => hugeJsonNumber(body));
      return parsed;
    }
  }
  const YAML = await loadYaml();
  try {
    const docs = YAML.parseAllDocuments(body);
    if (docs.length !== 1) throw new Error(`expected one document, found ${docs.length}`);
    const doc = docs[0]!;
    if (doc.errors.length) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (isCyclic(value)) throw new Error('an alias refers to its own anchor (a cycle)');
    checkNumbers(`${flag} ${path}`, value, () => hugeYamlNumber(YAML, doc));
    return value;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${flag}: ${where} is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`);
  }
}

/** A YAML anchor used inside itself makes a cyclic value, which no JSON body can hold. */
function isCyclic(value: unknown, within = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (within.has(value)) return true;
  within.add(value);
  const cyclic = Object.values(value).some((v) => isCyclic(v, within));
  within.delete(value);
  return cyclic;
}

/** V8's message on one line (it quotes the start of the text, new lines and all); YAML named as such. */
function jsonError(error: Error, body: string): string {
  let message = error.message.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  // Node 20 says only "at position N": where that is, for people.
  const position = /at position (\d+)$/.exec(message)?.[1];
  if (position !== undefined) {
    const before = body.slice(0, Number(position)).split('\n');
    message += ` (line ${before.length}, column ${before.at(-1)!.length + 1})`;
  }
  return /^\s*[[{]/.test(body) ? message : `${message} (it looks like YAML: name the file .yaml)`;
}

/**
 * A number beyond a double (`1e400`, YAML's `.inf`) parses as Infinity and would be sent as
 * null: refused, with its field and the number as written.
 */
function checkNumbers(where: string, value: unknown, written: () => string | undefined): void {
  const found = nonFinite(value, '');
  if (found === undefined) return;
  const at = found.path === '' ? '' : `${found.path}: `;
  throw new UsageError(`${where}: ${at}${written() ?? String(found.value)} is not a number the API can take (it would be sent as null)`);
}

function nonFinite(value: unknown, path: string): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nonFinite(child, Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first number literal of a JSON text that no double holds, as written. */
function hugeJsonNumber(text: string): string | undefined {
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    if (!token.startsWith('"') && !Number.isFinite(Number(token))) return token;
  }
  return undefined;
}

function hugeYamlNumber(YAML: YamlModule, doc: import('yaml').Document): string | undefined {
  let found: string | undefined;
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        found = node.source ?? String(node.value);
        return YAML.visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
