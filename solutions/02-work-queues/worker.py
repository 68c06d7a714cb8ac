#!/usr/bin/env python3
# Lab 02, worker.py: print each task, "work" DELAY_MS (default 1000 ms) per dot in it, print Done.
# Start two or three in tmux panes: the broker hands the tasks out to them in turn (round-robin).
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
    print(f' [x] Received {task}')
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')


# auto-ack, as in the sheet; lab 03 shows what that costs when a worker dies.
channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
