# PyTorch counterpart of SeqLab's w2 workload: GRU 64 units, window 50, batch 64, Adam, 2000 windows, one epoch after a
# warm-up epoch. Prints samples/s so it can stand next to `npm run bench -- w2`.
import json, math, time
import torch
import torch.nn as nn
torch.manual_seed(1)
window, batch, n = 50, 64, 2000
t = torch.arange(n + window, dtype=torch.float32)
series = torch.sin(t * 2 * math.pi / 24) + 0.01 * t / 24 + 0.1 * torch.randn(n + window)
x = torch.stack([series[i:i + window] for i in range(n)]).unsqueeze(-1)
y = series[window:window + n].unsqueeze(-1)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(1, 64, batch_first=True)
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        out, _ = self.gru(x)
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
epoch()
sec = time.perf_counter() - t0
print(json.dumps({"workload": "torch-w2", "samplesPerSec": round(n / sec, 1), "threads": torch.get_num_threads()}))
