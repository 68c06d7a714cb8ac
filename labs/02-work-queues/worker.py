#!/usr/bin/env python3
# Lab 02, worker.py: print each task, "work" DELAY_MS (default 1000 ms) per dot in it, print Done.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'task_queue')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)


def callback(ch, method, properties, body):
    task = body.decode()
    # TODO: print f' [x] Received {task}', sleep ms_per_dot milliseconds for every '.' in the task
    #       (time.sleep takes seconds), then print f' [x] Done {task}'.


# TODO: consume from the queue with auto_ack=True, each message going to callback.
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
