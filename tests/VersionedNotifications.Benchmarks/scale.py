#!/usr/bin/env python3
"""Measures how serialize, decode and the RabbitMQ path grow with message size and concurrency, prints the
table of docs/performance.md and draws its plot.

From the repository root (the .NET side built in Release first):
    dotnet build tests/VersionedNotifications.Benchmarks -c Release
    /usr/bin/python3 tests/VersionedNotifications.Benchmarks/scale.py [--seconds S] [--url URL [--count N]] \
        [--jsonl scale.jsonl] [--svg docs/images/scale.svg]
    /usr/bin/python3 tests/VersionedNotifications.Benchmarks/scale.py --from scale.jsonl --svg docs/images/scale.svg

The in-process part is the benchmark's `scale` mode (bodies of about 1 KB, 10 KB, 100 KB and 1 MB; 1, 2 and 4
threads). With --url, its `rabbit` mode runs once per body size (N messages, fewer for the large bodies so that
a run moves at most 200 MB) and once per concurrency (1, 2 and 4 emitting tasks with as many listeners). Every
measurement is one JSON line; --jsonl keeps them, --from draws and tabulates kept ones without measuring.
Drawing needs matplotlib (Debian's python3-matplotlib).
"""
import json
import subprocess
import sys

DLL = 'tests/VersionedNotifications.Benchmarks/bin/Release/net10.0/VersionedNotifications.Benchmarks.dll'
SIZES = [1024, 10 * 1024, 100 * 1024, 1024 * 1024]
CONCURRENCY = [1, 2, 4]
MOVED_AT_MOST = 200 * 1024 * 1024


def option(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(arguments):
    out = subprocess.run(['dotnet', DLL] + arguments, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith('{')]


def measure():
    rows = run(['scale', '--seconds', option('--seconds', '3')])
    url = option('--url')
    if url:
        count = int(option('--count', '20000'))
        for size in SIZES:
            n = max(100, min(count, MOVED_AT_MOST // size))
            rows += [dict(row, kind='size') for row in run(['rabbit', '--url', url, '--count', str(n), '--payload-bytes', str(size)])]
        for k in CONCURRENCY:
            rows += [dict(row, kind='threads') for row in run(['rabbit', '--url', url, '--count', str(count), '--emitters', str(k), '--consumers', str(k)])]
    return rows


def table(rows):
    lines = ['| mode | body | threads (emitters / listeners) | serialize or publish: msg/s, MB/s | decode or consume: msg/s, MB/s | bare client publish / consume, msg/s | allocated per serialize / decode |',
             '|---|---|---|---|---|---|---|']
    for row in rows:
        if row['mode'] == 'scale':
            lines.append(f"| in process | {row['body_bytes']:,} B | {row['threads']} | {row['serialize_msgs_s']:,}, {row['serialize_mb_s']} | "
                         f"{row['decode_msgs_s']:,}, {row['decode_mb_s']} | — | {row['serialize_bytes_allocated_per_op']:,} B / {row['decode_bytes_allocated_per_op']:,} B |")
        else:
            lines.append(f"| RabbitMQ | {row['bytes']:,} B | {row['emitters']} / {row['consumers']} | {row['publish_msgs_s']:,}, {row['publish_mb_s']} | "
                         f"{row['consume_msgs_s']:,}, {row['consume_mb_s']} | {row['raw_client_publish_msgs_s']:,} / {row['raw_client_consume_msgs_s']:,} | — |")
    return '\n'.join(lines)


def plot(rows, path):
    import matplotlib
    matplotlib.use('Agg')
    # Text as text and fixed ids: a small SVG that changes only when the numbers do.
    matplotlib.rcParams['svg.fonttype'] = 'none'
    matplotlib.rcParams['svg.hashsalt'] = 'vn-scale'
    import matplotlib.pyplot as plt

    figure, (by_size, by_threads) = plt.subplots(1, 2, figsize=(11, 4.2))
    series = [('scale', 'serialize_mb_s', 'serialize'), ('scale', 'decode_mb_s', 'decode'),
              ('rabbit', 'publish_mb_s', 'RabbitMQ publish (confirms)'), ('rabbit', 'consume_mb_s', 'RabbitMQ consume (acks, typed)')]
    for mode, key, label in series:
        points = [(row.get('body_bytes', row.get('bytes')), row[key]) for row in rows if row['mode'] == mode and row['kind'] == 'size']
        if points:
            by_size.plot([p[0] / 1024 for p in points], [p[1] for p in points], marker='o', label=label)
    by_size.set_xscale('log')
    by_size.set_yscale('log')
    by_size.set_xlabel('body size (KB)')
    by_size.set_ylabel('MB/s')
    by_size.set_title('Throughput against message size')
    by_size.legend(fontsize=8)
    series = [('scale', 'serialize_msgs_s', 'serialize'), ('scale', 'decode_msgs_s', 'decode'),
              ('rabbit', 'publish_msgs_s', 'RabbitMQ publish'), ('rabbit', 'consume_msgs_s', 'RabbitMQ consume')]
    for mode, key, label in series:
        points = [(row.get('threads', row.get('emitters')), row[key]) for row in rows if row['mode'] == mode and row['kind'] == 'threads']
        if points:
            by_threads.plot([p[0] for p in points], [p[1] for p in points], marker='o', label=label)
    by_threads.set_xticks(CONCURRENCY)
    by_threads.set_yscale('log')
    by_threads.set_xlabel('threads (RabbitMQ: emitting tasks and listeners)')
    by_threads.set_ylabel('messages/s')
    by_threads.set_title('Throughput against concurrency (2 KB body)')
    by_threads.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, metadata={'Date': None})


def main():
    source = option('--from')
    if source:
        with open(source, encoding='utf-8') as lines:
            rows = [json.loads(line) for line in lines if line.startswith('{')]
    else:
        rows = measure()
    if option('--jsonl'):
        with open(option('--jsonl'), 'w', encoding='utf-8') as out:
            out.writelines(json.dumps(row) + '\n' for row in rows)
    print(table(rows))
    if option('--svg'):
        plot(rows, option('--svg'))


if __name__ == '__main__':
    main()
