// 7. Storage: `qarnot bucket sync` against rclone and the AWS CLI on the emulator's
// storage, same data, same machine, in one run: (a) first upload of 2,000 files of
// 1-64 KB, (b) the same sync with nothing changed, (c) one 512 MB file up and down
// (peak RSS), (d) download of (a); and `bucket ls` of one prefix against `node -e 0`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, median, runMeasured } from './measure.mjs';
import { block, mb, ms, ratio, verdict } from './report.mjs';

const FILES = 2000;
const BIG_MB = 512;

function installed(command, args) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** 20 folders of 100 files, 1-64 KB each, random content; the same sizes every run (seeded). */
function makeTree(root) {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, `d${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const size = 1024 + (next() % (63 * 1024));
    writeFileSync(join(dir, `f${i}.bin`), randomBytes(size));
    bytes += size;
  }
  return bytes;
}

/** A 512 MB file written 1 MiB at a time (random blocks with a counter: no two alike). */
function makeBigFile(path) {
  const block = randomBytes(1024 * 1024);
  const fd = openSync(path, 'w');
  for (let i = 0; i < BIG_MB; i++) {
    block.writeUInt32LE(i, 0);
    writeSync(fd, block);
  }
  closeSync(fd);
}

export async function benchStorage(b) {
  const settings = await b.emu.call('GET', '/settings');
  const info = await b.emu.call('GET', '/info');
  const endpoint = settings.storage;
  const email = info.email;
  const work = mkdtempSync(join(tmpdir(), 'qarnot-bench-storage-'));
  const tools = { qarnot: true, rclone: installed('rclone', ['version']), aws: installed('aws', ['--version']) };
  const missing = Object.entries(tools).filter(([, ok]) => !ok).map(([name]) => name);
  const awsHome = join(work, 'aws');
  mkdirSync(awsHome);
  writeFileSync(join(awsHome, 'config'), '[default]\nregion = us-east-1\n');
  const env = {
    // qarnot: the storage settings from the environment, as rclone and aws get theirs.
    QARNOT_STORAGE_URL: endpoint,
    QARNOT_ACCOUNT_EMAIL: email,
    RCLONE_CONFIG: join(work, 'rclone.conf'),
    RCLONE_CONFIG_EMU_TYPE: 's3',
    RCLONE_CONFIG_EMU_PROVIDER: 'Ceph',
    RCLONE_CONFIG_EMU_ENDPOINT: endpoint,
    RCLONE_CONFIG_EMU_ACCESS_KEY_ID: email,
    RCLONE_CONFIG_EMU_SECRET_ACCESS_KEY: b.emu.token,
    RCLONE_CONFIG_EMU_FORCE_PATH_STYLE: 'true',
    AWS_ACCESS_KEY_ID: email,
    AWS_SECRET_ACCESS_KEY: b.emu.token,
    AWS_CONFIG_FILE: join(awsHome, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(awsHome, 'none'),
    AWS_PAGER: '',
  };
  // A CA bundle from the machine's environment breaks rclone's S3 client; plain http needs none.
  const toolEnv = { ...process.env, ...env };
  delete toolEnv.AWS_CA_BUNDLE;
  const run = {
    qarnot: (args, o = {}) => b.qarnot(args, { ...o, env }),
    rclone: (args, o = {}) => runMeasured('rclone', args, { env: toolEnv, timeoutMs: 600_000, ...o }),
    aws: (args, o = {}) => runMeasured('aws', ['--endpoint-url', endpoint, ...args], { env: toolEnv, timeoutMs: 600_000, ...o }),
  };
  const up = {
    qarnot: (dir, bucket, prefix, o) => run.qarnot(['-q', 'bucket', 'sync', dir, `${bucket}/${prefix}`], o),
    rclone: (dir, bucket, prefix, o) => run.rclone(['sync', dir, `emu:${bucket}/${prefix}`], o),
    aws: (dir, bucket, prefix, o) => run.aws(['s3', 'sync', '--only-show-errors', dir, `s3://${bucket}/${prefix}`], o),
  };
  const down = {
    qarnot: (bucket, prefix, dir, o) => run.qarnot(['-q', 'bucket', 'sync', `${bucket}/${prefix}`, dir], o),
    rclone: (bucket, prefix, dir, o) => run.rclone(['sync', `emu:${bucket}/${prefix}`, dir], o),
    aws: (bucket, prefix, dir, o) => run.aws(['s3', 'sync', '--only-show-errors', `s3://${bucket}/${prefix}`, dir], o),
  };
  const names = Object.keys(tools).filter((t) => tools[t]);
  // A tool that fails a case is reported (n/a, and the reason below the table), not fatal.
  const failures = [];
  const check = (result, what) => {
    if (result.code === 0) return result;
    const line = result.stderr.split('\n').filter((l) => l.trim() && !l.includes('NOTICE: Config file')).pop() ?? `exit ${result.code}`;
    failures.push(`${what} failed: ${line.trim().slice(0, 160)}`);
    return { ...result, wallMs: NaN, rssMb: NaN };
  };

  try {
    const tree = join(work, 'tree');
    const treeBytes = makeTree(tree);
    for (const name of names) check(await run.qarnot(['bucket', 'create', `bench-${name}`]), `bucket create bench-${name}`);
    // Each round of (a) moves 3 × 2,000 files: fewer rounds than the other sections.
    const rounds = Math.min(3, b.rounds.listing);

    // (a) first upload: a fresh prefix per round.
    let round = { qarnot: 0, rclone: 0, aws: 0 };
    const a = await interleave(
      Object.fromEntries(names.map((n) => [n, async () => check(await up[n](tree, `bench-${n}`, `a${round[n]++}`), `${n} upload`)])),
      rounds,
      { warmup: 0 },
    );
    // (b) the same sync again: nothing changed.
    const bNoop = await interleave(Object.fromEntries(names.map((n) => [n, async () => check(await up[n](tree, `bench-${n}`, 'a0'), `${n} no-change sync`)])), rounds);
    // (d) download of (a) into a fresh directory each round.
    round = { qarnot: 0, rclone: 0, aws: 0 };
    const d = await interleave(
      Object.fromEntries(
        names.map((n) => [
          n,
          async () => {
            const dir = join(work, `down-${n}-${round[n]++}`);
            const result = check(await down[n](`bench-${n}`, 'a0', dir), `${n} download`);
            rmSync(dir, { recursive: true, force: true });
            return result;
          },
        ]),
      ),
      rounds,
      { warmup: 0 },
    );
    // (c) one 512 MB file up and down, once each, peak RSS.
    const bigDir = join(work, 'big');
    mkdirSync(bigDir);
    makeBigFile(join(bigDir, 'big.bin'));
    const bigUp = {};
    const bigDown = {};
    for (const n of names) {
      bigUp[n] = check(await up[n](bigDir, `bench-${n}`, 'big', { rss: true }), `${n} 512 MB upload`);
      const dir = join(work, `big-down-${n}`);
      bigDown[n] = check(await down[n](`bench-${n}`, 'big', dir, { rss: true }), `${n} 512 MB download`);
      rmSync(dir, { recursive: true, force: true });
    }
    // bucket ls of one prefix (100 objects) against node -e 0.
    const lsArgs = ['bucket', 'ls', 'bench-qarnot/a0/d00/'];
    const ls = await interleave(
      {
        baseline: () => b.node(['-e', '0']),
        ls: () => run.qarnot(lsArgs),
        // Without the two variables: the URL and e-mail come from GET /settings and GET /info.
        lsApi: () => b.qarnot(lsArgs, { env: { QARNOT_STORAGE_URL: '', QARNOT_ACCOUNT_EMAIL: '' } }),
      },
      b.rounds.startup,
    );

    const figures = { files: FILES, treeMb: treeBytes / 2 ** 20, bigMb: BIG_MB, missing };
    const rows = [];
    const addCase = (label, results, { rclone = 1, aws = null } = {}) => {
      const med = Object.fromEntries(Object.entries(results).map(([n, r]) => [n, median(r.map((x) => x.wallMs))]));
      figures[label] = med;
      const vsRclone = med.rclone ? med.qarnot / med.rclone : NaN;
      const vsAws = med.aws ? med.aws / med.qarnot : NaN;
      rows.push([
        label,
        ms(med.qarnot),
        ms(med.rclone),
        ms(med.aws),
        ratio(vsRclone),
        `≤ ${rclone.toFixed(1)}×`,
        verdict(Number.isFinite(vsRclone) ? vsRclone <= rclone : null),
        aws === null ? '' : ratio(vsAws),
        aws === null ? '' : `≥ ${aws.toFixed(1)}×`,
        aws === null ? '' : verdict(Number.isFinite(vsAws) ? vsAws >= aws : null),
      ]);
    };
    addCase(`(a) first upload, ${FILES} files`, a, { aws: 2 });
    addCase('(b) same sync, nothing changed', bNoop, { aws: 2 });
    addCase('(d) download of (a)', d, { aws: 2 });
    addCase(`(c) ${BIG_MB} MB file up`, Object.fromEntries(names.map((n) => [n, [bigUp[n]]])));
    addCase(`(c) ${BIG_MB} MB file down`, Object.fromEntries(names.map((n) => [n, [bigDown[n]]])));
    const rss = Math.max(bigUp.qarnot.rssMb ?? NaN, bigDown.qarnot.rssMb ?? NaN);
    figures.failures = failures;
    figures.bigPeakRssMb = Object.fromEntries(names.map((n) => [n, Math.max(bigUp[n].rssMb ?? NaN, bigDown[n].rssMb ?? NaN)]));
    const base = median(ls.baseline.map((r) => r.wallMs));
    const lsMed = median(ls.ls.map((r) => r.wallMs));
    const lsApiMed = median(ls.lsApi.map((r) => r.wallMs));
    figures.ls = { medianMs: lsMed, baselineMs: base, ratio: lsMed / base, viaApiMs: lsApiMed, viaApiRatio: lsApiMed / base };
    b.print(
      block(
        `7. Storage — qarnot bucket sync vs rclone sync vs aws s3 sync on the emulator's storage (median of ${rounds} interleaved runs; (c) one run)`,
        ['case', 'qarnot', 'rclone', 'aws', 'qarnot/rclone', 'target', '', 'aws/qarnot', 'target', ''],
        rows,
        [
          `data: ${FILES} files of 1-64 KB (${mb(treeBytes / 2 ** 20)}) in 20 folders; one ${BIG_MB} MB file; default settings of each tool`,
          `(c) peak RSS: ${names.map((n) => `${n} ${mb(figures.bigPeakRssMb[n])}`).join(', ')} — target for qarnot < 150 MB: ${verdict(rss < 150)}`,
          `bucket ls of one prefix (100 objects): ${ms(lsMed)} against node -e 0 ${ms(base)}: ${ratio(lsMed / base)} (target ≤ 2.0×) ${verdict(lsMed / base <= 2)}; ` +
            `with the storage settings from the API (/settings, /info): ${ms(lsApiMed)}, ${ratio(lsApiMed / base)}`,
          ...failures,
          missing.length ? `missing: ${missing.join(', ')} (apt-get install ${missing.map((m) => (m === 'aws' ? 'awscli' : m)).join(' ')}): their columns are n/a` : 'rclone and the AWS CLI both installed',
        ],
      ),
    );
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
