# PyTorch counterpart of SeqLab's training workloads (bench/trainShapes.mjs): one recurrent layer, a linear head on
# h_T, MSE, Adam (lr 0.001), one epoch after a warm-up epoch on a generated series.
# usage: train.py NAME CELL UNITS WINDOW BATCH WINDOWS THREADS; prints samples/s as one JSON line.
import json, math, sys, time
import torch
import torch.nn as nn

name, cell = sys.argv[1], sys.argv[2]
units, window, batch, n, threads = (int(v) for v in sys.argv[3:8])
torch.set_num_threads(threads)
torch.manual_seed(1)
t = torch.arange(n + window, dtype=torch.float32)
series = torch.sin(t * 2 * math.pi / 24) + 0.01 * t / 24 + 0.1 * torch.randn(n + window)
x = torch.stack([series[i:i + window] for i in range(n)]).unsqueeze(-1)
y = series[window:window + n].unsqueeze(-1)
layer = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[cell]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = layer(1, units, batch_first=True)
        self.head = nn.Linear(units, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


net = Net()
opt = torch.optim.Adam(net.parameters(), lr=0.001)
loss_fn = nn.MSELoss()


def epoch():
    perm = torch.randperm(n)
    for i in range(0, n, batch):
        idx = perm[i:i + batch]
        opt.zero_grad()
        loss = loss_fn(net(x[idx]), y[idx])
        loss.backward()
        opt.step()


epoch()
t0 = time.perf_counter()
c0 = time.process_time()
epoch()
sec = time.perf_counter() - t0
# CPU seconds of every thread: on a shared, overloaded machine samples per CPU-second is the steadier figure.
cpu = time.process_time() - c0
print(json.dumps({"workload": "torch-" + name, "samplesPerSec": round(n / sec, 1), "cpuSamplesPerSec": round(n / cpu, 1), "threads": torch.get_num_threads()}))
