#!/usr/bin/env python3
# Lab 08, parent.py: wait for a child task's "finished" broadcast.
import os
import sys

from broker import connect

events = os.environ.get('EVENTS', 'events')
child_id = os.environ.get('CHILD_ID', 'child-1')
timeout_ms = int(os.environ.get('TIMEOUT_MS', '30000'))

connection = connect()
channel = connection.channel()
channel.exchange_declare(exchange=events, exchange_type='fanout')
print(f' [*] Waiting for {child_id} to finish')


def on_timeout():
    print(f' [!] {child_id} did not finish within {timeout_ms} ms')
    sys.exit(1)


# call_later runs on_timeout inside start_consuming, unless it is removed first.
timer = connection.call_later(timeout_ms / 1000, on_timeout)
# TODO: declare an exclusive server-named queue, bind it to the events exchange, and consume it
# (auto_ack=True): on the message "finished <id>" print " [x] <id> has finished", remove the timer
# (connection.remove_timeout(timer)) and stop consuming (ch.stop_consuming()), so the program ends.
channel.start_consuming()
connection.close()
