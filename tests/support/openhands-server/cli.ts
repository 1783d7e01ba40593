import { parseArgs } from 'node:util';
import {
  type RecordedRequest,
  type ServerOptions,
  type StartOptions,
  startOpenHandsServer,
} from './index.ts';

/**
 * Runs the OpenHands test server by hand, for manual checks and benchmarks:
 *   npx tsx tests/support/openhands-server/cli.ts --port 8765 --mode cloud --api-key test-api-key --seed 30
 */

const USAGE = `Options:
  --port N             port on 127.0.0.1 (default: a free one)
  --mode M             cloud | oss | v0 (default cloud)
  --api-key KEY        key to accept (default test-api-key in cloud mode, none otherwise)
  --no-auth            accept requests without a key (oss / v0)
  --steps N            start-task statuses advanced per poll (default 1)
  --final S            READY | ERROR (default READY)
  --error-detail TEXT  the start task's detail when --final ERROR
  --delay MS           latency added to every answer (default 0)
  --start-reads N      status reads a resumed sandbox stays STARTING (default 1)
  --seed N             conversations to create up front
  --quiet              do not log requests`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    mode: { type: 'string' },
    'api-key': { type: 'string' },
    'no-auth': { type: 'boolean' },
    steps: { type: 'string' },
    final: { type: 'string' },
    'error-detail': { type: 'string' },
    delay: { type: 'string' },
    'start-reads': { type: 'string' },
    seed: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const opts: StartOptions = {};
if (values.port) opts.port = Number(values.port);
if (values.mode) opts.mode = values.mode as ServerOptions['mode'];
if (values['api-key']) opts.apiKey = values['api-key'];
if (values['no-auth']) opts.apiKey = null;
if (values.steps) opts.stepsPerPoll = Number(values.steps);
if (values.final) opts.finalStartStatus = values.final as ServerOptions['finalStartStatus'];
if (values['error-detail']) opts.errorDetail = values['error-detail'];
if (values.delay) opts.delayMs = Number(values.delay);
if (values['start-reads']) opts.sandboxStartReads = Number(values['start-reads']);

const server = await startOpenHandsServer(opts);
if (values.seed) server.seedConversations(Number(values.seed));
const { mode, apiKey } = server.options;
console.log(`OpenHands test server (${mode}) on ${server.url}${apiKey ? `, key ${apiKey}` : ', no auth'}`);

// Log each request once it has been answered (or deliberately left unanswered).
let logged = 0;
const timer = setInterval(() => {
  if (values.quiet) return;
  while (logged < server.requests.length) {
    const r = server.requests[logged] as RecordedRequest;
    if (r.status === undefined && r.failure === null) break;
    const query = r.query.size > 0 ? `?${r.query}` : '';
    const outcome = r.failure ? `${r.status ?? '-'} (failure: ${r.failure})` : String(r.status);
    const problems = [...r.validationErrors, ...r.responseErrors.map((e) => `response: ${e}`)];
    console.log(
      `${r.method} ${r.path}${query} → ${outcome}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`,
    );
    logged++;
  }
}, 100);

async function shutdown() {
  clearInterval(timer);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
