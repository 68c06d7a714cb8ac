#!/usr/bin/env python3
# Lab 11, worker.py: make every task run at most once. Today a task whose worker dies is given to
# another worker and runs again (at least once).
import os
import time

from broker import connect

queue = os.environ.get('QUEUE', 'tasks')
ms_per_dot = int(os.environ.get('DELAY_MS', '1000'))
failed = f'{queue}.failed'

connection = connect()
channel = connection.channel()
channel.queue_declare(queue=failed, durable=True)
# TODO: declare the queue as a quorum queue ('x-queue-type') that hands a task out only once
# ('x-delivery-limit') and dead-letters what comes back to the failed queue
# ('x-dead-letter-exchange' '' and 'x-dead-letter-routing-key' failed), in arguments={…}. Note: a
# queue's arguments cannot change; delete the old queue first (see the README).
channel.queue_declare(queue=queue, durable=True)
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
