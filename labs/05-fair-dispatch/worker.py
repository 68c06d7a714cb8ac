#!/usr/bin/env python3
# Lab 05, worker.py: a worker busy with a long task should not be handed more tasks.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'fair_tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)
# TODO: ask the broker for at most one unacknowledged task at a time (channel.basic_qos).


def callback(ch, method, properties, body):
    task = body.decode()
    print(f' [x] Received {task}')
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
