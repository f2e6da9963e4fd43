import type { Command } from 'commander';
import { collect, defineVerb, noun } from '../define.js';
import { TOP_LEVEL } from '../catalog.js';
import { transferOptions } from './options.js';

const list = defineVerb({
  name: 'list',
  summary: 'List your buckets (with --stats: object count and size)',
  examples: ['qarnot bucket list', 'qarnot bucket list --stats', 'qarnot bucket list -q'],
  options: (cmd) => cmd.option('--stats', 'count the objects and bytes of each bucket (lists every bucket in full)'),
  load: () => import('./list.js'),
});

const create = defineVerb({
  name: 'create <name>',
  summary: 'Create a bucket (done already when you own it)',
  examples: ['qarnot bucket create my-inputs'],
  writes: true,
  load: () => import('./create.js'),
});

const remove = defineVerb({
  name: 'delete <name>',
  summary: 'Delete a bucket (asks first); --force empties it first',
  examples: ['qarnot bucket delete my-inputs', 'qarnot bucket delete old-results --force --yes', 'qarnot bucket delete old-results --force --dry-run'],
  writes: true,
  options: (cmd) =>
    cmd
      .option('--force', 'delete its objects first')
      .option('-y, --yes', 'delete without asking (required when not on a terminal)')
      .option('--dry-run', 'say what would be deleted; delete nothing'),
  load: () => import('./delete.js'),
});

const ls = defineVerb({
  name: 'ls <path>',
  summary: 'List the objects and folders of NAME[/PREFIX] (-r: every key below)',
  examples: ['qarnot bucket ls my-inputs', 'qarnot bucket ls my-inputs/images/ -r', 'qarnot bucket ls my-inputs -r -q', 'qarnot bucket ls my-inputs --json'],
  options: (cmd) => cmd.option('-r, --recursive', 'every key under the prefix, no folders'),
  load: () => import('./ls.js'),
});

const put = defineVerb({
  name: 'put <dest> <files...>',
  summary: 'Upload files and directories to NAME[/PREFIX] ("-": stdin)',
  description: `Upload files and directories to a bucket. A directory's contents go under
PREFIX/ (not the directory's own name, as "aws s3 cp --recursive"); a single
file goes to NAME/KEY exactly, or under PREFIX/ when it ends with "/". Every
file is sent, changed or not: "bucket sync" sends only what differs. "-" reads
standard input (streamed, any length) into NAME/KEY. The bucket is created
when missing.`,
  examples: ['qarnot bucket put my-inputs ./data', 'qarnot bucket put my-inputs/v2/ scene.blend textures/', 'qarnot bucket put my-inputs/data.tar - < data.tar'],
  writes: true,
  options: (cmd) => transferOptions(cmd, collect),
  load: () => import('./put.js'),
});

const get = defineVerb({
  name: 'get <src> [local]',
  summary: 'Download an object, or a whole prefix, into LOCAL (default: .)',
  description: `Download from a bucket. NAME/KEY of an object: that file, written to LOCAL, or
into LOCAL when it is a directory or ends with "/"; "-" writes it to standard
output. NAME, NAME/PREFIX/ or a key that names a folder: every object under it,
into the directory LOCAL, keeping the path below the prefix (as "aws s3 cp
--recursive"). Every object is fetched, changed or not: "bucket sync" fetches only
what differs. A key no local path can stand for ("../x", "a//b") is skipped with
a line saying so; nothing is ever written outside LOCAL.`,
  examples: ['qarnot bucket get my-results/out.txt', 'qarnot bucket get my-results/frames/ ./frames', 'qarnot bucket get my-results ./results', 'qarnot bucket get my-results/log.txt - | tail'],
  options: (cmd) => transferOptions(cmd, collect),
  load: () => import('./get.js'),
});

const cat = defineVerb({
  name: 'cat <key>',
  summary: 'Write an object (NAME/KEY) to standard output',
  examples: ['qarnot bucket cat my-results/out.txt', 'qarnot bucket cat my-results/log.txt > log.txt'],
  load: () => import('./cat.js'),
});

const rm = defineVerb({
  name: 'rm <keys...>',
  summary: 'Delete objects NAME/KEY, or -r all under a prefix (asks first)',
  examples: ['qarnot bucket rm my-results/out.txt --yes', 'qarnot bucket rm my-results/tmp/ -r --dry-run', 'qarnot bucket rm my-results -r --yes'],
  writes: true,
  options: (cmd) =>
    cmd
      .option('-r, --recursive', 'delete every object under each prefix (in batches of 1,000)')
      .option('-y, --yes', 'delete without asking (required when not on a terminal)')
      .option('--dry-run', 'list what would be deleted; delete nothing'),
  load: () => import('./rm.js'),
});

const sync = defineVerb({
  name: 'sync <src> <dst>',
  summary: 'Copy what differs between a directory and a bucket, either way',
  description: `Copy what differs from SRC to DST: a local directory (./dir,
/abs/dir, ~/dir) and a bucket (NAME[/PREFIX], or s3://NAME/PREFIX), in either
order. A file is sent when missing, of another size, or of other content (its
MD5 against the object's ETag, multipart ETags included), so an unchanged tree
transfers nothing. Nothing is ever deleted without --delete, which removes what
the destination has and the source has not. --dry-run lists what would be
done. An interrupted sync is finished by running it again.`,
  examples: [
    'qarnot bucket sync ./inputs my-inputs',
    'qarnot bucket sync my-results/run-1 ./results --delete',
    'qarnot bucket sync ./site s3://my-site --exclude "*.tmp" --dry-run',
  ],
  writes: true,
  options: (cmd) =>
    transferOptions(cmd, collect)
      .option('--delete', 'delete what the destination has and the source has not')
      .option('--dry-run', 'list what would be transferred and deleted; do nothing'),
  load: () => import('./sync.js'),
});

export function registerBucket(program: Command): Command {
  return noun(program, {
    name: 'bucket',
    summary: TOP_LEVEL.bucket,
    examples: ['qarnot bucket list', 'qarnot bucket sync ./inputs my-inputs', 'qarnot bucket get my-results ./results'],
    verbs: [list, create, remove, ls, put, get, cat, rm, sync],
  });
}
