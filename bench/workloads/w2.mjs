// w2: training throughput (bench/trainShapes.mjs, bench/trainBench.mjs); `npm run bench -- torch` times the same shape.
import { benchTraining } from '../trainBench.mjs';

await benchTraining('w2');
