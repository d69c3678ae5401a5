// The one copy of TensorFlow.js (and its wasm backend, on the same tfjs-core) that dist/worker.js and
// dist/modelCommands.js share at run time, instead of each bundling its own 2.4 MB.
module.exports = { tf: require('@tensorflow/tfjs'), wasmBackend: require('@tensorflow/tfjs-backend-wasm') };
