"""A small, real training job for `footprint run`: a two-layer neural network learns to separate
three interleaved spirals, in plain Python (no GPU, no network, no packages), for about ten to
thirty seconds of CPU time. It marks its phases so Footprint can split the energy:

    npx footprint run --phase data -- python3 examples/train.py
"""
import math
import os
import random
import subprocess
import sys


def mark(label, *args):
    """Record a marker on the run that wraps us (no-op when run without footprint)."""
    if os.environ.get("FOOTPRINT_RUN_ID"):
        subprocess.run(["footprint", "mark", label, *args], check=False)


def spirals(points_per_class, classes, rng):
    data = []
    for c in range(classes):
        for i in range(points_per_class):
            r = i / points_per_class
            t = c * 4 + 4 * r + rng.gauss(0, 0.2)
            data.append(([r * math.sin(t), r * math.cos(t)], c))
    rng.shuffle(data)
    return data


class Network:
    def __init__(self, inputs, hidden, outputs, rng):
        scale = 1 / math.sqrt(inputs)
        self.w1 = [[rng.gauss(0, scale) for _ in range(inputs)] for _ in range(hidden)]
        self.b1 = [0.0] * hidden
        self.w2 = [[rng.gauss(0, 1 / math.sqrt(hidden)) for _ in range(hidden)] for _ in range(outputs)]
        self.b2 = [0.0] * outputs

    def forward(self, x):
        h = [max(0.0, sum(w * xi for w, xi in zip(row, x)) + b) for row, b in zip(self.w1, self.b1)]
        z = [sum(w * hi for w, hi in zip(row, h)) + b for row, b in zip(self.w2, self.b2)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return h, [v / s for v in e]

    def step(self, x, label, rate):
        h, p = self.forward(x)
        dz = [pi - (1.0 if k == label else 0.0) for k, pi in enumerate(p)]
        dh = [sum(self.w2[k][j] * dz[k] for k in range(len(dz))) * (1.0 if h[j] > 0 else 0.0) for j in range(len(h))]
        for k, g in enumerate(dz):
            row = self.w2[k]
            for j, hj in enumerate(h):
                row[j] -= rate * g * hj
            self.b2[k] -= rate * g
        for j, g in enumerate(dh):
            row = self.w1[j]
            for i, xi in enumerate(x):
                row[i] -= rate * g * xi
            self.b1[j] -= rate * g
        return -math.log(max(p[label], 1e-12))


def main():
    epochs = int(os.environ.get("EPOCHS", "30"))
    rng = random.Random(0)
    data = spirals(300, 3, rng)
    train, test = data[:720], data[720:]
    mark("data-ready", f"examples={len(data)}")

    mark("train", "--phase", "training")
    net = Network(2, 128, 3, rng)
    for epoch in range(1, epochs + 1):
        loss = sum(net.step(x, y, 0.05) for x, y in train) / len(train)
        if epoch % 10 == 0:
            mark(f"epoch-{epoch}", f"loss={loss:.4f}")
        print(f"epoch {epoch:2d}  loss {loss:.4f}", flush=True)

    mark("evaluate", "--phase", "inference")
    correct = sum(1 for x, y in test if max(range(3), key=lambda k: net.forward(x)[1][k]) == y)
    print(f"test accuracy {correct / len(test):.1%}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
