#!/usr/bin/env python3
# Lab 06, cleanup.py: delete the queue when the experiment is over.
import os

from broker import connect

queue = os.environ.get('QUEUE', 'durable_tasks')

connection = connect()
channel = connection.channel()
# TODO: delete the queue (channel.queue_delete) and print how many messages went with it
#       (the result's .method.message_count): f" [x] Deleted '{queue}' with N messages".
connection.close()
