import { pipeline } from 'node:stream/promises';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { storageClient } from '../../storage/endpoint.js';
import { StorageError } from '../../storage/errors.js';
import { parseRemote } from '../../storage/location.js';
import { isFolder } from './shared.js';

export async function run(ctx: Context, _opts: unknown, location: string): Promise<void> {
  const { bucket, path } = parseRemote(location, 'NAME/KEY');
  if (path === '' || path.endsWith('/')) throw new UsageError(`NAME/KEY: "${location}" names no object; give its key, e.g. ${bucket}/out.txt`);
  const s3 = await storageClient(ctx);
  let started = false;
  try {
    await s3.stream({ method: 'GET', bucket, key: path }, async (body) => {
      // Once bytes reached stdout a retry would repeat them: a broken answer fails instead.
      if (started) throw Object.assign(new Error('the connection broke in the middle of the object'), { code: 'EPARTIAL' });
      started = true;
      await pipeline(body, ctx.io.stdout, { end: false });
    });
  } catch (error) {
    if (error instanceof StorageError && error.code === 'NoSuchKey' && (await isFolder(s3, { bucket, path }))) {
      throw new UsageError(`NAME/KEY: "${bucket}/${path}" is a folder, not an object: list it with "qarnot bucket ls ${bucket}/${path}/"`);
    }
    throw error;
  }
}
