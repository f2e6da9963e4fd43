import { getJob, JOBS_PAGINATE, searchJobs } from '../api/jobs.js';
import { JOB_FINAL_STATES, JOB_STATES } from '../api/states.js';
import type { Job } from '../api/types.js';
import { jobView } from '../output/views.js';
import type { ResourceDescriptor } from './resource.js';

export const JOB: ResourceDescriptor<Job> = {
  name: 'job',
  plural: 'jobs',
  states: JOB_STATES,
  finalStates: JOB_FINAL_STATES,
  sortFields: ['creationDate', 'name', 'state'],
  paths: { paginate: JOBS_PAGINATE },
  view: jobView,
  get: getJob,
  search: searchJobs,
};
