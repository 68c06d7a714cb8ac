#!/usr/bin/env python3
# Lab 06, cleanup.py: delete the queue, with whatever it still holds.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'durable_tasks')

connection = connect()
channel = connection.channel()
# queue.delete-ok says how many messages went with the queue.
result = channel.queue_delete(queue=queue)
print(f" [x] Deleted '{queue}' with {result.method.message_count} messages")
connection.close()
