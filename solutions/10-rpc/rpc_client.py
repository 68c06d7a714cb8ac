#!/usr/bin/env python3
# Lab 10, rpc_client.py: call the task: send the request with reply_to and a fresh correlation_id,
# wait for the reply carrying that id, give up after TIMEOUT_MS. DIRECT=1 uses RabbitMQ's direct
# reply-to (amq.rabbitmq.reply-to) instead of a reply queue of our own.
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
if direct:
    reply_to = 'amq.rabbitmq.reply-to'
else:
    reply_to = channel.queue_declare(queue='', exclusive=True).method.queue
correlation_id = str(uuid.uuid4())
response = None


def on_reply(ch, method, properties, body):
    global response
    if properties.correlation_id != correlation_id:
        return  # someone else's answer
    response = body.decode()
    ch.stop_consuming()


# The consumer is in place (consume-ok) before the request goes out: with direct reply-to the
# broker refuses a request whose reply consumer does not exist yet.
channel.basic_consume(queue=reply_to, on_message_callback=on_reply, auto_ack=True)
connection.call_later(timeout_ms / 1000, channel.stop_consuming)
print(f' [x] Requesting {request}')
channel.basic_publish(exchange='', routing_key=queue, body=request,
                      properties=pika.BasicProperties(reply_to=reply_to, correlation_id=correlation_id))
channel.start_consuming()  # until the reply, or the timeout
if response is None:
    print(f' [!] no reply within {timeout_ms} ms')
    connection.close()
    sys.exit(1)
print(f' [.] Got {response}')
connection.close()
