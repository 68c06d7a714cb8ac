"""A small Celery app for the conformance tests.

    celery-app.py worker URL QUEUE DIR   runs a worker (solo pool) on QUEUE until killed
    celery-app.py client URL QUEUE DIR   sends the tasks and prints one JSON line of findings
    celery-app.py late URL QUEUE DIR     sends one acks_late task that runs for a while, and returns at once

The worker is started through Celery's API (app.Worker), not its command line, so that the
click-repl and click-didyoumean packages that only the command line needs are not required.
"""
import json
import os
import sys
import time

from celery import Celery

mode, url, queue, workdir = sys.argv[1:5]
app = Celery('conformance', broker=url, backend='rpc://')
app.conf.task_default_queue = queue
app.conf.broker_connection_retry_on_startup = True
app.conf.worker_hijack_root_logger = False


def mark(name):
    with open(os.path.join(workdir, name), 'a') as f:
        f.write(f'{os.getpid()}\n')


@app.task
def add(x, y):
    return x + y


@app.task
def at(sent):
    return time.time() - sent


@app.task(acks_late=True)
def long_job():
    mark('started')
    time.sleep(4)
    mark('finished')
    return 'done'


if mode == 'worker':
    app.Worker(hostname=f'{queue}@%h', pool='solo', concurrency=1, loglevel='INFO',
               without_heartbeat=True, without_mingle=True, without_gossip=True).start()
elif mode == 'late':
    long_job.delay()
else:
    found = {}
    results = [add.delay(i, i) for i in range(200)]
    found['sum_of_200'] = sum(r.get(timeout=30) for r in results)
    start = time.time()
    etas = [at.apply_async((time.time(),), countdown=2) for _ in range(5)]
    waited = [r.get(timeout=30) for r in etas]
    found['eta_none_early'] = all(w >= 1.9 for w in waited)
    found['eta_seconds_for_five'] = round(time.time() - start, 1)
    pong = app.control.inspect(timeout=3).ping() or {}
    found['inspect_ping'] = sorted(v.get('ok') for k, v in pong.items() if k.startswith(queue + '@'))
    print(json.dumps(found))
