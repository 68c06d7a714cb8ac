#!/usr/bin/env python3
# Lab 11, relaunch.py: put the failed tasks back in the work queue, on purpose.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'tasks')
failed = f'{queue}.failed'

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
message_count = channel.queue_declare(queue=failed, passive=True).method.message_count
relaunched = 0
# TODO: for each of the message_count messages: take it from the failed queue
# (channel.basic_get(queue=failed, auto_ack=False) gives method, properties, body), publish it to
# the work queue with its properties (channel.basic_publish; on this confirm channel it returns
# once the broker has the copy), and only then ack it in the failed queue (channel.basic_ack).
print(f' [x] {relaunched} task(s) relaunched from {failed} to {queue}')
connection.close()
