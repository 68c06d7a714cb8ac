#!/usr/bin/env python3
# Lab 02, new_task.py: the task is the words of the command line; each dot in it is one unit of
# fake work for the worker.  Usage: python3 labs/02-work-queues/new_task.py First message.
import os
import sys

from broker import connect

queue = os.environ.get('QUEUE', 'task_queue')
# Joined, so `new_task.py Third message...` sends the one task "Third message...".
task = ' '.join(sys.argv[1:]) or 'Hello World!'

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)
channel.basic_publish(exchange='', routing_key=queue, body=task)
print(f" [x] Sent '{task}'")
connection.close()
