#!/usr/bin/env python3
# Lab 14, worker.py: a worker for long tasks. Today its task runs inside pika's callback, on the
# thread that also runs the connection: while a task runs, pika sends no heartbeats, and a task
# longer than two or three heartbeat timeouts gets the worker dropped by the broker (the lab sheet's
# StreamLostError), which gives the task to another worker.
import os
import sys
import time

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
# TODO 2: work on `slots` tasks at once: let the broker hand this worker that many unacked tasks.
channel.basic_qos(prefetch_count=1)

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


def callback(ch, method, properties, body):
    global first
    task = body.decode()
    if first is None:
        first = time.monotonic()
    print(f' [x] Received {task}')
    # TODO 1: run the task in a worker thread, so that this thread goes back to pika and keeps the
    # heartbeats flowing; the thread asks for the ack with
    # connection.add_callback_threadsafe(functools.partial(finished, ch, method.delivery_tag, task)).
    work(task.count('.') * ms_per_dot / 1000)
    finished(ch, method.delivery_tag, task)


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(f' [*] Waiting for tasks on {queue} (heartbeat {heartbeat}s, {slots} at once). To exit press CTRL+C')
try:
    channel.start_consuming()
except pika.exceptions.AMQPConnectionError as err:
    print(f' [!] Connection lost: {type(err).__name__}: {err}')
    sys.exit(1)
