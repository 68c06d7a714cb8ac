#!/usr/bin/env python3
# Lab 07, forward.py: a pipeline stage. Each message of SOURCE is published to NEXT, and acked in
# SOURCE only once the broker has confirmed the copy: if this process dies at any moment, every
# message is in NEXT, or still in SOURCE (unacked ones go back), or in both — never in neither.
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
# A confirm channel: basic_publish returns once the broker has the copy, and raises NackError
# if the broker refuses it.
output.confirm_delivery()
source_channel.queue_declare(queue=source, durable=True)
output.queue_declare(queue=next_queue, durable=True)
source_channel.basic_qos(prefetch_count=10)


def forward(ch, method, properties, body):
    time.sleep(ms_per_message / 1000)  # a stand-in for real work
    properties.delivery_mode = 2
    try:
        output.basic_publish(exchange='', routing_key=next_queue, body=body, properties=properties)
    except pika.exceptions.NackError:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)  # try it again later
        return
    # Confirmed: only now may the source forget it.
    ch.basic_ack(delivery_tag=method.delivery_tag)
    print(f' [x] Forwarded {body.decode()}')


source_channel.basic_consume(queue=source, on_message_callback=forward, auto_ack=False)
print(f' [*] Forwarding {source} -> {next_queue}')
source_channel.start_consuming()
