#!/usr/bin/env python3
# Lab 10, rpc_server.py: a running task that answers remote calls on its queue.
import os

import pika

from broker import connect

queue = os.environ.get('QUEUE', 'rpc_queue')


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def answer(request):
    """The reply to a request, and whether the task ends after sending it."""
    command, *args = request.split() or ['']
    if command == 'fib':
        n = int(args[0]) if args and args[0].isdigit() else 0
        return str(fib(min(n, 40))), False
    # TODO: remote control. "pause": answer "paused", and answer every "fib" with "paused" until
    # "play", which answers "playing"; "kill": answer "killed", and end the task (the second value
    # True makes on_request stop consuming, so the program ends).
    return f"unknown command '{command}'", False


connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue, auto_delete=True)
channel.basic_qos(prefetch_count=1)
print(f' [x] Awaiting RPC requests on {queue}')


def on_request(ch, method, properties, body):
    request = body.decode()
    reply, exit_after = answer(request)
    print(f' [.] {request} -> {reply}')
    ch.basic_publish(exchange='', routing_key=properties.reply_to, body=reply,
                     properties=pika.BasicProperties(correlation_id=properties.correlation_id))
    ch.basic_ack(delivery_tag=method.delivery_tag)
    if exit_after:
        ch.stop_consuming()


channel.basic_consume(queue=queue, on_message_callback=on_request)
channel.start_consuming()
connection.close()
