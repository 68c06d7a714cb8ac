#!/usr/bin/env python3
# Lab 04, worker.py: a worker whose processing fails on every LOSE_EVERY-th attempt (like
# `qprocessor.py --lose-every 3`) and still gets every task done: a failed attempt is nacked with
# requeue, so the broker offers the task again instead of it being lost.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'flaky_tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))
lose_every = int(os.environ.get('LOSE_EVERY', '3'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)
# One task at a time: a requeued task is not stuck behind others already given to us.
channel.basic_qos(prefetch_count=1)
attempts = 0


def callback(ch, method, properties, body):
    global attempts
    task = body.decode()
    attempts += 1
    print(f" [x] Received {task}{' (redelivered)' if method.redelivered else ''}")
    if lose_every > 0 and attempts % lose_every == 0:
        print(f' [!] Failed {task}: requeued')
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
