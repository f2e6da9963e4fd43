// The floor for `task list --all`: a minimal client that pages through a paginate route
// and discards the bytes, reading only the next page's token. Run as its own process, as the
// CLI is, so both sides pay Node's start-up.
//   QARNOT_CLUSTER_URL=... QARNOT_CLIENT_TOKEN=... node scripts/bench/bare-walker.mjs /tasks/paginate [PAGE_SIZE]
import { Agent, request } from 'node:http';

const [path = '/tasks/paginate', pageSize = '100'] = process.argv.slice(2);
const base = process.env.QARNOT_CLUSTER_URL;
const token = process.env.QARNOT_CLIENT_TOKEN;
const agent = new Agent({ keepAlive: true });

function page(body) {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: 'POST', agent, headers: { authorization: token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${path}: HTTP ${res.statusCode}`));
        // The token is the last field of a page: only the tail is read.
        const tail = Buffer.concat(chunks.slice(-2)).toString('latin1');
        resolve(/"nextToken":"([^"]+)"/.exec(tail)?.[1] ?? null);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

let next = null;
let pages = 0;
do {
  next = await page({ token: next, maximumResults: Number(pageSize) });
  pages++;
} while (next);
agent.destroy();
process.stderr.write(`${pages} pages\n`);
