import type { View } from '../output/print.js';

/** A bucket as `bucket list` prints it; objects and size only with --stats. */
export interface BucketRow {
  name: string;
  created: string;
  objects?: number;
  size?: number;
}

/** An entry of `bucket ls`: an object, or a folder (a common prefix, with --recursive off). */
export interface ObjectRow {
  key: string;
  type: 'object' | 'folder';
  size?: number;
  modified?: string;
  etag?: string;
}

/**
 * Buckets and their objects live on the S3 storage, not the Compute API: no states,
 * no search, so no ResourceDescriptor; their views and names are kept here, next to
 * the other resources', for the verbs, completion and messages.
 */
export const BUCKET = {
  name: 'bucket',
  plural: 'buckets',
  view: {
    plural: 'buckets',
    columns: [
      { header: 'NAME', value: (b) => b.name },
      { header: 'CREATED', value: (b) => b.created, kind: 'date' },
      { header: 'OBJECTS', value: (b) => b.objects },
      { header: 'SIZE', value: (b) => b.size },
    ],
    fields: ['name', 'created', 'objects', 'size'],
    id: (b) => b.name,
  } satisfies View<BucketRow>,
  objectView: {
    plural: 'objects',
    columns: [
      { header: 'SIZE', value: (o) => o.size },
      { header: 'MODIFIED', value: (o) => o.modified, kind: 'date' },
      { header: 'KEY', value: (o) => o.key, flexible: true },
    ],
    fields: ['key', 'type', 'size', 'modified', 'etag'],
    id: (o) => o.key,
  } satisfies View<ObjectRow>,
} as const;
