#!/usr/bin/env python3
# Lab 03, worker.py: make the worker safe to kill: no task may be lost.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'ack_tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)


def callback(ch, method, properties, body):
    task = body.decode()
    print(f" [x] Received {task}{' (redelivered)' if method.redelivered else ''}")
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    # TODO: acknowledge the message here, once the work is done
    #       (ch.basic_ack(delivery_tag=method.delivery_tag)).


# TODO: turn off auto-ack, so the broker waits for our ack.
channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
