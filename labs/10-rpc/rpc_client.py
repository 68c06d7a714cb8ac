#!/usr/bin/env python3
# Lab 10, rpc_client.py: call the task and wait for its answer.
import os
import sys
import uuid

import pika

from broker import connect

queue = os.environ.get('QUEUE', 'rpc_queue')
timeout_ms = int(os.environ.get('TIMEOUT_MS', '5000'))
direct = os.environ.get('DIRECT') == '1'
request = ' '.join(sys.argv[1:]) or 'fib 10'

connection = connect()
channel = connection.channel()
# TODO: a reply queue of our own: exclusive and server-named — or, with DIRECT=1, the pseudo-queue
# 'amq.rabbitmq.reply-to' (consume it with auto_ack=True before sending the request).
# TODO: a fresh correlation id (str(uuid.uuid4())); send the request with
# properties=pika.BasicProperties(reply_to=…, correlation_id=…); consume the reply queue, keep only
# the reply with our correlation id, print " [.] Got <reply>"; after TIMEOUT_MS without one
# (connection.call_later) print " [!] no reply within <N> ms" and exit with code 1.
print(f' [x] Requesting {request}')
channel.basic_publish(exchange='', routing_key=queue, body=request)
connection.close()
