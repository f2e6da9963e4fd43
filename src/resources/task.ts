import { getTask, searchTasks, TASK_SUMMARIES_PAGINATE, TASKS_PAGINATE } from '../api/tasks.js';
import { TASK_FINAL_STATES, TASK_STATES } from '../api/states.js';
import type { Task } from '../api/types.js';
import { taskView } from '../output/views.js';
import type { ResourceDescriptor } from './resource.js';

export const TASK: ResourceDescriptor<Task> = {
  name: 'task',
  plural: 'tasks',
  states: TASK_STATES,
  finalStates: TASK_FINAL_STATES,
  sortFields: ['creationDate', 'name', 'state', 'executionTime'],
  paths: { paginate: TASKS_PAGINATE, summaries: TASK_SUMMARIES_PAGINATE },
  view: taskView,
  get: getTask,
  search: searchTasks,
};
