#!/usr/bin/env python3
# Lab 14, worker.py: a worker for long tasks, lapinmq's way. pika's callback only hands each task to
# a pool of `slots` worker threads and returns, so the connection's thread keeps sending heartbeats
# however long a task takes. pika is not thread-safe: a worker thread never touches the channel, it
# asks the connection's thread to ack (connection.add_callback_threadsafe). With prefetch `slots`
# the broker hands this worker that many tasks, and they run at once.
import functools
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pika

from broker import broker_parameters, connect

queue = os.environ.get('QUEUE', 'long_tasks')
heartbeat = int(os.environ.get('HEARTBEAT', '5'))
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))
slots = int(os.environ.get('SLOTS', '1'))

parameters = broker_parameters()
parameters.heartbeat = heartbeat
connection = connect(parameters)
channel = connection.channel()
channel.queue_declare(queue=queue)
channel.basic_qos(prefetch_count=slots)
pool = ThreadPoolExecutor(max_workers=slots)

first = None
done = 0


def work(seconds):
    """The long task (it stands for real work: a computation, a conversion, a download)."""
    time.sleep(seconds)


def finished(ch, delivery_tag, task):
    """Acks, then says so: "Done" means the broker has been told."""
    global done
    done += 1
    ch.basic_ack(delivery_tag=delivery_tag)
    print(f' [x] Done {task} ({done} done, {time.monotonic() - first:.1f}s since the first started)')


def in_thread(ch, delivery_tag, task):
    work(task.count('.') * ms_per_dot / 1000)
    connection.add_callback_threadsafe(functools.partial(finished, ch, delivery_tag, task))


def callback(ch, method, properties, body):
    global first
    task = body.decode()
    if first is None:
        first = time.monotonic()
    print(f' [x] Received {task}')
    pool.submit(in_thread, ch, method.delivery_tag, task)


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(f' [*] Waiting for tasks on {queue} (heartbeat {heartbeat}s, {slots} at once). To exit press CTRL+C')
try:
    channel.start_consuming()
except pika.exceptions.AMQPConnectionError as err:
    print(f' [!] Connection lost: {type(err).__name__}: {err}')
    sys.exit(1)
