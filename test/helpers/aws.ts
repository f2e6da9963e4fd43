import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { outsideProgram } from './programs.js';

/** Tests needing the AWS CLI skip (with one line saying so) when it is missing, unless CI is set. */
export const SKIP_AWS = !outsideProgram('aws', 'apt-get install awscli');

// Presigned URLs in SigV4 (the AWS CLI v1 presigns in SigV2 unless told otherwise).
const home = mkdtempSync(join(tmpdir(), 'qarnot-test-aws-'));
const config = join(home, 'config');
writeFileSync(config, '[default]\ns3 =\n    signature_version = s3v4\n');

export interface AwsCredentials {
  endpoint: string;
  accessKey: string;
  secretKey: string;
}

export interface AwsResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `aws --endpoint-url <storage> ...` with only these credentials, nothing from the host. */
export async function aws(creds: AwsCredentials, args: string[], options: { input?: string; cwd?: string } = {}): Promise<AwsResult> {
  const r = await execa('aws', ['--endpoint-url', creds.endpoint, ...args], {
    reject: false,
    extendEnv: false,
    cwd: options.cwd,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_ACCESS_KEY_ID: creds.accessKey,
      AWS_SECRET_ACCESS_KEY: creds.secretKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
    },
    timeout: 120_000,
  });
  return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
}

/** Runs and expects exit 0; returns stdout (JSON-parsed when it is JSON). */
export async function awsOk<T = string>(creds: AwsCredentials, args: string[], options: { input?: string; cwd?: string } = {}): Promise<T> {
  const r = await aws(creds, args, options);
  if (r.exitCode !== 0) throw new Error(`aws ${args.join(' ')} exited ${r.exitCode}\n${r.stderr}`);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    return r.stdout as T;
  }
}
