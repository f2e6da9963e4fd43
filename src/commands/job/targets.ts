import { JOB_STATES, JOBS_PAGINATE } from '../../api/jobs.js';
import type { Job } from '../../api/types.js';
import { jobView } from '../../output/views.js';
import type { ListTarget } from '../shared/list.js';
import { JOB_SORT_FIELDS } from './index.js';

export const jobTarget: ListTarget<Job> = { resource: 'job', paginatePath: JOBS_PAGINATE, states: JOB_STATES, sortFields: JOB_SORT_FIELDS, view: jobView };
