#!/usr/bin/env python3
# Lab 07, forward.py: a pipeline stage, SOURCE -> NEXT. Today a crash loses messages.
import os
import time

import pika

from broker import connect

source = os.environ.get('SOURCE', 'stage1')
next_queue = os.environ.get('NEXT', 'stage2')
ms_per_message = int(os.environ.get('DELAY_MS', '0'))

connection = connect()
source_channel = connection.channel()
output = connection.channel()
# TODO: turn publisher confirms on for the output (output.confirm_delivery()): basic_publish then
# returns once the broker has the copy, and raises pika.exceptions.NackError if it refuses it.
source_channel.queue_declare(queue=source, durable=True)
output.queue_declare(queue=next_queue, durable=True)
# TODO: take a few messages at a time (source_channel.basic_qos(prefetch_count=10)).


def forward(ch, method, properties, body):
    time.sleep(ms_per_message / 1000)  # a stand-in for real work
    properties.delivery_mode = 2
    output.basic_publish(exchange='', routing_key=next_queue, body=body, properties=properties)
    # TODO: ack the message in SOURCE only now, after its copy is confirmed (nack it back with
    # requeue if the broker refused the copy).
    print(f' [x] Forwarded {body.decode()}')


# TODO: consume with manual acks (auto_ack=False).
source_channel.basic_consume(queue=source, on_message_callback=forward, auto_ack=True)
print(f' [*] Forwarding {source} -> {next_queue}')
source_channel.start_consuming()
