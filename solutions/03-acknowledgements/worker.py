#!/usr/bin/env python3
# Lab 03, worker.py: manual acknowledgements. The broker keeps each message, unacked, until the
# worker says it is done; a worker killed mid-task never acks, so the message goes to another worker.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'ack_tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=queue)


def callback(ch, method, properties, body):
    task = body.decode()
    print(f" [x] Received {task}{' (redelivered)' if method.redelivered else ''}")
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    # Ack only after the work is done: until then the message is not lost if we die.
    ch.basic_ack(delivery_tag=method.delivery_tag)


# auto_ack=False (pika's default): the broker waits for our ack.
channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(' [*] Waiting for messages. To exit press CTRL+C')
channel.start_consuming()
