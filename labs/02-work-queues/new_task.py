#!/usr/bin/env python3
# Lab 02, new_task.py: send one task. Usage: python3 labs/02-work-queues/new_task.py First message.
import os
import sys

from broker import connect

queue = os.environ.get('QUEUE', 'task_queue')
# TODO: the task is the command line's words (sys.argv[1:]) joined with spaces,
#       or 'Hello World!' when there are none.
task = 'Hello World!'

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)
channel.basic_publish(exchange='', routing_key=queue, body=task)
print(f" [x] Sent '{task}'")
connection.close()
