// Placeholder entry; the data and model work fill in inspect, train and predict.
process.stderr.write('seqlab: not implemented yet\n');
process.exitCode = 2;
