import type { Http } from '../api/http.js';
import type { SearchRequest } from '../api/types.js';
import type { View } from '../output/print.js';

/** The resources the CLI has a noun for; a new one (bucket) adds its name here and a descriptor module. */
export type ResourceName = 'task' | 'pool' | 'job';

/**
 * Everything the commands know about one resource, in one place: noun declarations
 * read its states and sort fields for help, verbs its paths, view and API functions,
 * search and completion its name and states. Constants and light functions only:
 * the noun declarations import it at start-up.
 */
export interface ResourceDescriptor<T> {
  name: ResourceName;
  /** `tasks`, for messages. */
  plural: string;
  states: readonly string[];
  /** States it never leaves. */
  finalStates: ReadonlySet<string>;
  sortFields: readonly string[];
  paths: { paginate: string; summaries?: string };
  view: View<T>;
  get(http: Http, id: string): Promise<T>;
  search(http: Http, request: SearchRequest): Promise<T[]>;
}
