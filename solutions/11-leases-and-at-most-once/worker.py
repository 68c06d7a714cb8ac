#!/usr/bin/env python3
# Lab 11, worker.py: a task worker for tasks that must run at most once. Its queue is a quorum
# queue with x-delivery-limit 0: a task handed out once and given back (the worker died, its lease
# ran out, it asked for a requeue) is not run again but dead-lettered to <queue>.failed.
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))
failed = f'{queue}.failed'

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=failed, durable=True)
channel.queue_declare(queue=queue, durable=True, arguments={
    'x-queue-type': 'quorum',  # quorum queues count deliveries, and must be durable
    'x-delivery-limit': 0,
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': failed,
})
channel.basic_qos(prefetch_count=1)


def callback(ch, method, properties, body):
    task = body.decode()
    print(f' [x] Received {task}')
    time.sleep(task.count('.') * ms_per_dot / 1000)
    print(f' [x] Done {task}')
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
print(f' [*] Waiting for tasks on {queue}; failures go to {failed}. To exit press CTRL+C')
channel.start_consuming()
