#!/usr/bin/env python3
# Lab 11, relaunch.py: put the failed tasks back in the work queue, on purpose, once a human has
# decided they are safe to run again. Each one is removed from <queue>.failed only after the broker
# confirmed its copy in <queue>: a crash in between may relaunch a task twice, never lose it.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'tasks')
failed = f'{queue}.failed'

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
message_count = channel.queue_declare(queue=failed, passive=True).method.message_count
relaunched = 0
for _ in range(message_count):
    method, properties, body = channel.basic_get(queue=failed, auto_ack=False)
    if method is None:
        break
    # On a confirm channel basic_publish returns once the broker has the copy...
    channel.basic_publish(exchange='', routing_key=queue, body=body, properties=properties)
    # ...so only now may the failed queue forget it.
    channel.basic_ack(delivery_tag=method.delivery_tag)
    relaunched += 1
    print(f' [x] Relaunched {body.decode()}')
print(f' [x] {relaunched} task(s) relaunched from {failed} to {queue}')
connection.close()
