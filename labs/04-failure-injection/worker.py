#!/usr/bin/env python3
# Lab 04, worker.py: this worker fails on every LOSE_EVERY-th attempt, like
# `qprocessor.py --lose-every 3`. Make it get every task done all the same.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'flaky_tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))
lose_every = int(os.environ.get('LOSE_EVERY', '3'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)
attempts = 0


def callback(ch, method, properties, body):
    global attempts
    task = body.decode()
    attempts += 1
    print(f" [x] Received {task}{' (redelivered)' if method.redelivered else ''}")
    if lose_every > 0 and attempts % lose_every == 0:
        print(f' [!] Failed {task}')
        # TODO: a failed attempt must not lose the task: give it back to the broker
        #       (ch.basic_nack with requeue=True) instead of returning.
        return
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    # TODO: ack the task once it is done.


# TODO: use manual acks (auto_ack=False) and take one task at a time (channel.basic_qos(prefetch_count=1)).
channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
