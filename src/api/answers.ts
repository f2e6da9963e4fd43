/**
 * What the client uses from the API's 2xx answers, checked in one place: an answer that does
 * not hold it (HTML from a proxy, `null`, a create answered `{}`) is a BadAnswerError naming
 * what was missing, not an "unexpected error" or an `undefined` printed as an id.
 */
import { BadAnswerError } from '../errors.js';

/** Undefined when the body holds what the caller uses; otherwise what is wrong, for the error. */
export type AnswerCheck = (body: unknown) => string | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const anObject: AnswerCheck = (body) => (isObject(body) ? undefined : `expected a JSON object, got ${sample(body)}`);

export const anArray: AnswerCheck = (body) => (Array.isArray(body) ? undefined : `expected a JSON array, got ${sample(body)}`);

/** An object whose fields are non-empty strings: the uuid of what a create made, a state to wait on. */
export function objectWith(...fields: string[]): AnswerCheck {
  return (body) => {
    if (!isObject(body)) return anObject(body);
    const field = fields.find((name) => typeof body[name] !== 'string' || body[name] === '');
    return field === undefined ? undefined : `without "${field}": ${sample(body)}`;
  };
}

/** A create's answer: the uuid of what it made, printed and used next. */
export const CREATED = objectWith('uuid');

export function arrayOf(item: AnswerCheck): AnswerCheck {
  return (body) => {
    if (!Array.isArray(body)) return anArray(body);
    for (const [i, value] of body.entries()) {
      const wrong = item(value);
      if (wrong) return `item ${i}: ${wrong}`;
    }
    return undefined;
  };
}

/** An empty body or `null` is accepted too: the caller handles the absence. */
export const orNothing =
  (check: AnswerCheck): AnswerCheck =>
  (body) =>
    body == null ? undefined : check(body);

/** A token page's envelope: `data` an array (or absent), `nextToken` a string (or absent). */
export const aPage: AnswerCheck = (body) => {
  if (!isObject(body)) return anObject(body);
  if (body.data != null && !Array.isArray(body.data)) return `"data" is not an array: ${sample(body)}`;
  if (body.nextToken != null && typeof body.nextToken !== 'string') return `"nextToken" is not a string: ${sample(body)}`;
  return undefined;
};

/** Parses a JSON answer; `wrong` says why the caller cannot use it. An empty body is undefined. */
export function readAnswer(text: string, check: AnswerCheck): { body: unknown; wrong?: string } {
  if (text.trim() === '') return { body: undefined, wrong: check(undefined) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { body: undefined, wrong: `not JSON: ${JSON.stringify(oneLine(text, 80))}` };
  }
  return { body, wrong: check(body) };
}

export interface AnswerOf {
  method: string;
  path: string;
  /** A create's bad answer may still have created something: say how to check. */
  retry?: string;
}

export function badAnswer(request: AnswerOf, wrong: string): BadAnswerError {
  const check = request.retry === 'create' ? `; it may have been created: check with "qarnot ${nounOf(request.path)} list"` : '';
  return new BadAnswerError(`to ${request.method} ${request.path}: ${wrong}${check}`);
}

/** Which list shows what a create on this path may have made: a pool create is not checked with "task list". */
export function nounOf(path: string): 'task' | 'pool' | 'job' {
  return path.startsWith('/pools') ? 'pool' : path.startsWith('/jobs') ? 'job' : 'task';
}

/** A body as a short line in an error. */
function sample(body: unknown): string {
  return body === undefined ? 'an empty body' : shorten(JSON.stringify(body), 80);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A body that is not JSON (a proxy's HTML page) as one short line: its title, or its text without tags. */
export function oneLine(text: string, max = 200): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return shorten(plain, max);
}
