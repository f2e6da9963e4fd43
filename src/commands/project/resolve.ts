import type { Http } from '../../api/http.js';
import { findProject, listProjects, type Project } from '../../api/services.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { quote } from '../../lib/parse.js';

export function checkProjectRef(flag: string, ref: string): string {
  if (ref.trim() === '' || ref.length > 255) throw new UsageError(`${flag} must be a project uuid, slug or name, got ${quote(ref)}`);
  return ref;
}

/** The project a uuid, slug or name stands for; exit 3 when the account has none such. */
export async function resolveProject(http: Http, ref: string): Promise<Project> {
  const found = findProject(await listProjects(http), ref);
  if (!found) throw new CliError(`project ${quote(ref)} not found; list them with "qarnot project list"`, ExitCode.NotFound);
  return found;
}
