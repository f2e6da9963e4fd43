export { run } from './list.js';
