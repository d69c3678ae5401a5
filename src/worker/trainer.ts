import { parentPort } from 'node:worker_threads';

// Placeholder entry so the bundle exists; the training-panel work replaces it.
parentPort?.on('message', () => parentPort?.postMessage({ type: 'failed', message: 'worker not implemented yet' }));
