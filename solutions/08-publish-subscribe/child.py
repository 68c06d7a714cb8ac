#!/usr/bin/env python3
# Lab 08, child.py: a task that tells whoever listens when it has finished, by broadcast.
import os
import time

from broker import connect

events = os.environ.get('EVENTS', 'events')
child_id = os.environ.get('CHILD_ID', 'child-1')
work_ms = int(os.environ.get('DELAY_MS', '1000'))

print(f' [*] {child_id} working for {work_ms} ms')
time.sleep(work_ms / 1000)
connection = connect()
channel = connection.channel()
channel.confirm_delivery()
channel.exchange_declare(exchange=events, exchange_type='fanout')
channel.basic_publish(exchange=events, routing_key='', body=f'finished {child_id}')
print(f' [x] {child_id} finished')
connection.close()
