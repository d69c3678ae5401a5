/**
 * worker_threads entry (dist/worker.js): where the extension trains and runs models (the kernel; tfjs only for a model
 * the kernel cannot run, loaded then). It answers Train/Stop with a stream of events, Predict/Probe/Inspect/Check/
 * NewRow/Explain as requests, and Backtest as a request with progress events, and posts plain data only.
 */
import { constants } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { MessageHandler } from '../shared/messageHandler';
import type { FromWorkerMessage, ToWorkerMessage } from '../shared/protocol';
import { isToWorkerMessage } from '../shared/protocolGuards';
import { isRecord, isString } from '../shared/validate';
import { check, inspect, newRow, predict, probe } from './requests';
import { kernelAvailable } from '../model/kernel/load';
import { enterBackground, setBackgroundPriority } from '../model/kernel/priority';
import { enableTableCache } from '../model/data';
import { TrainJob } from './trainJob';
import type { BacktestJob } from './backtestJob';
import { viewSavedSeries } from './seriesViews';

type EvalRequests = typeof import('./evalRequests.js');
/** Required on first use, so a worker that only trains never compiles it. */
const evalRequests = (): EvalRequests => require('./evalRequests.js') as EvalRequests;

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

// Training is background work, but the user waits for its first epoch and for inspections: the thread lowers itself
// once a run's first epoch is out (TrainJob), or as a backtest or explanation starts, and kernel threads start lowered.
// On Linux a nice value is per thread, so this lowers only the worker and the extension host's own thread wins
// whenever they compete for a core; on macOS and Windows the same call would lower the whole extension host.
if (process.platform === 'linux') setBackgroundPriority(constants.priority.PRIORITY_BELOW_NORMAL);

// The host inspects a file and then trains on it (or probes it again and again): one parse serves them.
enableTableCache();

const jobs = new Map<string, TrainJob>();
const backtests = new Map<string, BacktestJob>();

const channel = new MessageHandler<FromWorkerMessage, ToWorkerMessage>({
  post: (envelope) => port.postMessage(envelope),
  validate: isToWorkerMessage,
  onEvent: (m) => {
    if (m.type === 'train') {
      const job = new TrainJob(m, (e) => channel.sendEvent(e));
      jobs.set(m.runId, job);
      void job.run().finally(() => jobs.delete(m.runId));
    } else if (m.type === 'stop') {
      jobs.get(m.runId)?.stop(m.keep);
      backtests.get(m.runId)?.stop();
    }
  },
  onRequest: async (m) => {
    if (m.type === 'predict') return predict(m);
    if (m.type === 'probe') return probe(m);
    if (m.type === 'inspect') return inspect(m);
    if (m.type === 'check') return check(m);
    if (m.type === 'newRow') return newRow(m);
    if (m.type === 'explain' || m.type === 'backtest') enterBackground();
    if (m.type === 'explain') return evalRequests().explainRequest(m);
    if (m.type === 'viewSeries') return jobs.get(m.runId)?.viewSeries(m.series) ?? viewSavedSeries(m);
    if (m.type === 'backtest') {
      const job = new (evalRequests().BacktestJob)(m, (e) => channel.sendEvent(e));
      backtests.set(m.runId, job);
      return job.run().finally(() => backtests.delete(m.runId));
    }
    throw new Error(`"${m.type}" is not a request`);
  },
  log: (line) => channel.sendEvent({ type: 'failed', message: line }),
  // A train request this build cannot read must still end its run, or the host would show it training forever.
  onInvalidEvent: (body) => {
    if (isRecord(body) && body.type === 'train' && isString(body.runId)) {
      channel.sendEvent({
        type: 'failed',
        runId: body.runId,
        message: 'the training worker could not read this train request (a different SeqLab build?)',
      });
    }
  },
});

port.on('message', (m: unknown) => channel.handleMessage(m));

// The host starts the worker before it opens the panel and sends the run: compiling the kernel now, while nothing has
// arrived yet, takes that step off the way to the first epoch.
setImmediate(() => kernelAvailable());
