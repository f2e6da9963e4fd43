/**
 * The start of a uuid as an id, as docker takes it (`qarnot task show 7e68b49`): the one
 * task, pool or job whose uuid starts so, unless one's shortname is exactly that.
 */
import { ApiError, UsageError } from '../errors.js';
import { isUuid } from '../lib/parse.js';
import type { Http } from './http.js';
import { arrayOf, objectWith } from './answers.js';

const TEMPLATE = '00000000-0000-0000-0000-000000000000';
const MIN_DIGITS = 4;
/** Candidates asked for, and listed when the prefix is ambiguous. */
const CANDIDATES = 10;

/** `7e68`, `7e68b49c-1a`: the start of a uuid, of at least 4 characters, not a whole one. */
export function isUuidPrefix(id: string): boolean {
  return id.length >= MIN_DIGITS && id.length < TEMPLATE.length && isUuid(id + TEMPLATE.slice(id.length));
}

/** `/tasks/ID/...`, `/carbon/v1/pools/ID/...`: where the API takes an object's id. */
const ID_PATH = /^(.*?\/(tasks|pools|jobs)\/)([^/?]+)(.*)$/;

/**
 * The path with a uuid prefix replaced by the full uuid, found with one search per
 * distinct prefix (`known` keeps them for the command). Left as typed when a shortname is
 * exactly the prefix, when nothing starts so (the API then says "not found"), or when the
 * API refuses the search; ambiguous: exit 2 listing the candidates.
 */
export async function expandUuidPrefix(http: Http, path: string, known: Map<string, Promise<string>>): Promise<string> {
  const m = ID_PATH.exec(path);
  if (!m) return path;
  const [, head, collection, encoded, tail] = m as unknown as [string, string, 'tasks' | 'pools' | 'jobs', string, string];
  const id = decodeURIComponent(encoded);
  if (!isUuidPrefix(id)) return path;
  const key = `${collection}/${id.toLowerCase()}`;
  if (!known.has(key)) known.set(key, uuidStartingWith(http, collection, id));
  return `${head}${encodeURIComponent(await known.get(key)!)}${tail}`;
}

interface Candidate {
  uuid: string;
  shortname?: string | null;
  name?: string | null;
}

const CANDIDATE_LIST = arrayOf(objectWith('uuid'));

async function uuidStartingWith(http: Http, collection: 'tasks' | 'pools' | 'jobs', id: string): Promise<string> {
  const filter = {
    operator: 'Or',
    filters: [
      { field: 'Shortname', operator: 'Equal', value: id },
      // The API writes uuids in lower case: 7E68B49 must find them too, whatever its Like's case rule.
      { field: 'Uuid', operator: 'Like', value: `${id.toLowerCase()}*` },
    ],
  };
  let found: Candidate[];
  try {
    const body = { filter, maximumResults: CANDIDATES + 1, select: { fields: ['Uuid', 'Shortname', 'Name'] } };
    found = await http.json<Candidate[]>({ method: 'POST', path: `/${collection}/search`, body, retry: 'idempotent', read: true, answer: CANDIDATE_LIST });
  } catch (error) {
    // A search the API will not do: the id goes as typed, as before prefixes were taken.
    if (error instanceof ApiError && (error.status === 400 || error.status === 404)) return id;
    throw error;
  }
  if (found.some((c) => c.shortname === id)) return id;
  // Only what really starts so: the API's Like may match more loosely than a prefix.
  const matches = found.filter((c) => c.uuid.toLowerCase().startsWith(id.toLowerCase()));
  if (matches.length === 1) return matches[0]!.uuid;
  if (matches.length === 0) return id;
  const noun = collection.slice(0, -1);
  const listed = matches.slice(0, CANDIDATES).map((c) => (c.name ? `${c.uuid} (${c.name})` : c.uuid));
  const more = matches.length > CANDIDATES ? ', …' : '';
  throw new UsageError(`"${id}" is the start of several ${noun} uuids: ${listed.join(', ')}${more}; give more of the uuid`);
}
