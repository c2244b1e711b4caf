#!/usr/bin/env python3
"""Runs the .NET and the Python side of the throughput benchmark in one go and prints the ratios.

From the repository root (the .NET side built in Release first):
    dotnet build tests/VersionedNotifications.Benchmarks -c Release
    python3 tests/VersionedNotifications.Benchmarks/compare.py [--seconds S] [--url rabbit://guest:guest@127.0.0.1:5672/ [--count N]]
The Python side needs Debian's python3-ironic and runs with /usr/bin/python3. With --url, both sides
also send and receive N notifications (default 20,000) through that RabbitMQ, one side after the other.
"""
import json
import platform
import subprocess
import sys
import datetime

seconds = sys.argv[sys.argv.index('--seconds') + 1] if '--seconds' in sys.argv else '3'
root = subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True, text=True, check=True).stdout.strip()


def run(command):
    out = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


dotnet = run(['dotnet', 'run', '-c', 'Release', '--no-build', '--project', 'tests/VersionedNotifications.Benchmarks', '--', 'throughput', '--seconds', seconds])
python = run(['/usr/bin/python3', 'tests/VersionedNotifications.Benchmarks/python/bench_ironic.py', 'throughput', '--seconds', seconds])
generator = run(['dotnet', 'run', '-c', 'Release', '--no-build', '--project', 'tests/VersionedNotifications.Benchmarks', '--', 'generator'])
url = sys.argv[sys.argv.index('--url') + 1] if '--url' in sys.argv else None
count = sys.argv[sys.argv.index('--count') + 1] if '--count' in sys.argv else '20000'
if url:
    dotnet_rabbit = run(['dotnet', 'run', '-c', 'Release', '--no-build', '--project', 'tests/VersionedNotifications.Benchmarks', '--', 'rabbit', '--url', url, '--count', count])
    python_rabbit = run(['/usr/bin/python3', 'tests/VersionedNotifications.Benchmarks/python/bench_ironic.py', 'rabbit', '--url', url, '--count', count])


def ratio(a, b):
    return round(a / b, 2) if b else None


result = {
    'date': datetime.date.today().isoformat(),
    'machine': f'{platform.machine()}, {platform.processor() or "?"}, {__import__("os").cpu_count()} cores',
    'dotnet': dotnet,
    'python': python,
    'generator': generator,
    'ratios': {
        'serialize_vs_python': ratio(dotnet['serialize_ops_s'], python['serialize_ops_s']),
        'decode_typed_vs_python_json_loads': ratio(dotnet['deserialize_ops_s'], python['deserialize_ops_s']),
        'handwritten_vs_generated_serialize': ratio(dotnet['handwritten_serialize_ops_s'], dotnet['serialize_ops_s']),
        'generated_vs_reflection_serialize': ratio(dotnet['serialize_ops_s'], dotnet['reflection_serialize_ops_s']),
        'generated_vs_reflection_deserialize': ratio(dotnet['deserialize_ops_s'], dotnet['reflection_deserialize_ops_s']),
        'payload_compact_write_vs_python': ratio(dotnet['payload_compact_serialize_ops_s'], python['serialize_ops_s']),
        'tokenize_floor_vs_python_json_loads': ratio(dotnet['tokenize_floor_ops_s'], python['deserialize_ops_s']),
        'decode_typed_share_of_tokenize_floor': ratio(dotnet['deserialize_ops_s'], dotnet['tokenize_floor_ops_s']),
    },
}
if url:
    result['dotnet_rabbit'] = dotnet_rabbit
    result['python_rabbit'] = python_rabbit
    result['ratios']['rabbit_publish_vs_oslo'] = ratio(dotnet_rabbit['publish_msgs_s'], python_rabbit['publish_msgs_s'])
    result['ratios']['rabbit_consume_vs_oslo'] = ratio(dotnet_rabbit['consume_msgs_s'], python_rabbit['consume_msgs_s'])
    result['ratios']['rabbit_publish_share_of_bare_client'] = ratio(dotnet_rabbit['publish_msgs_s'], dotnet_rabbit['raw_client_publish_msgs_s'])
    result['ratios']['rabbit_consume_share_of_bare_client'] = ratio(dotnet_rabbit['consume_msgs_s'], dotnet_rabbit['raw_client_consume_msgs_s'])
print(json.dumps(result, indent=2))
