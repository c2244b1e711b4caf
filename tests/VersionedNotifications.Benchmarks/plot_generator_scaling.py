"""Plots the generator-scaling mode's output: seconds against the number of objects.

Usage: dotnet run -c Release --project tests/VersionedNotifications.Benchmarks -- generator-scaling > after.jsonl
       /usr/bin/python3 tests/VersionedNotifications.Benchmarks/plot_generator_scaling.py after.jsonl [before.jsonl] docs/images/generator-scaling.png

Needs matplotlib (Debian's python3-matplotlib). Each input holds one JSON object per line; only the
"objects" shape is plotted (the extends chains are in the table of docs/performance.md).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read(path):
    with open(path, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.startswith("{")]
    rows = [row for row in rows if row["shape"] == "objects"]
    return [row["size"] for row in rows], [row["seconds"] for row in rows]


def main(arguments):
    if len(arguments) not in (2, 3):
        sys.exit(__doc__)
    *inputs, output = arguments
    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    for path, label, style in zip(inputs, ["now", "before (one run each)"], ["o-", "s--"]):
        sizes, seconds = read(path)
        axes.plot(sizes, seconds, style, label=label)
    axes.set_xlabel("objects in the definitions")
    axes.set_ylabel("generator run, seconds (fastest of three)")
    axes.set_title("Generator time against input size")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(output)


if __name__ == "__main__":
    main(sys.argv[1:])
