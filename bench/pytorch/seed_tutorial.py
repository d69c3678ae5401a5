# The seed tutorial's PyTorch example, run as written (its training loop included), for side-by-side timing.
# Afterwards it scores the model one step ahead on the last 20% of windows, the way SeqLab scores its own, to show
# the tutorial's bug: its loss broadcasts all T step outputs against one target.
import json, sys, time
t0 = time.perf_counter()
import torch
import torch.nn as nn
import numpy as np
torch.manual_seed(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
seq_length = 5
input_size = 1
hidden_size = 10
output_size = 1
time_steps = np.linspace(0, np.pi, 100)
data = np.sin(time_steps)
data.resize((len(time_steps), 1))
x = []
y = []
for i in range(len(data) - seq_length):
    x.append(data[i:i + seq_length])
    y.append(data[i + seq_length])
x = np.array(x)
y = np.array(y)


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.rnn = nn.RNN(input_size, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x, hidden):
        out, hidden = self.rnn(x, hidden)
        out = out.view(-1, self.hidden_size)
        out = self.fc(out)
        return out, hidden


model = RNN(input_size, hidden_size, output_size)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(100):
    total_loss = 0
    hidden = None
    for i in range(len(x)):
        optimizer.zero_grad()
        input_ = torch.Tensor(x[i]).unsqueeze(0)
        target = torch.Tensor(y[i])
        output, hidden = model(input_, hidden)
        hidden = hidden.detach()
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
train_seconds = time.perf_counter() - t0

# One-step-ahead score on the last 20% of windows: the model's prediction is its output at the last step.
n_val = int(round(len(x) * 0.2))
with torch.no_grad():
    preds = []
    for i in range(len(x) - n_val, len(x)):
        out, _ = model(torch.Tensor(x[i]).unsqueeze(0), None)
        preds.append(out[-1, 0].item())
actual = y[-n_val:, 0]
mse = float(np.mean((np.array(preds) - actual) ** 2))
mean_mse = float(np.mean((actual - y[:-n_val, 0].mean()) ** 2))
naive_mse = float(np.mean((x[-n_val:, -1, 0] - actual) ** 2))
print(json.dumps({"workload": "torch-seed", "seconds": round(train_seconds, 3), "mse": mse,
                  "meanBaselineMse": mean_mse, "naiveMse": naive_mse}))
