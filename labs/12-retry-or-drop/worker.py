#!/usr/bin/env python3
# Lab 12, worker.py: give every task one of three outcomes. Today every failure is nacked back to
# the queue at once, so a task that can never succeed spins forever.
import copy
import os
import re
import time

from broker import connect

queue = os.environ.get('QUEUE', 'jobs')
ms_per_dot = int(os.environ.get('DELAY_MS', '100'))
max_retries = int(os.environ.get('MAX_RETRIES', '3'))
retry_delay_ms = int(os.environ.get('RETRY_DELAY_MS', '1000'))
retry_queue = f'{queue}.retry'
dead_queue = f'{queue}.dead'


def outcome_of(task, attempt):
    """The task decides: ok… succeeds, flaky:N fails N times then succeeds, bad… never can, poison… always asks again."""
    if task.startswith('bad'):
        return 'FAIL_DO_NOT_RETRY'
    if task.startswith('poison'):
        return 'FAIL_RETRY_LATER'
    flaky = re.match(r'flaky:(\d+)', task)
    if flaky and attempt <= int(flaky.group(1)):
        return 'FAIL_RETRY_LATER'
    return 'SUCCESS'


connection = connect()
channel = connection.channel()
channel.confirm_delivery()
# TODO (topology): declare dead_queue; retry_queue with 'x-message-ttl' retry_delay_ms and
# dead-lettering ('x-dead-letter-exchange' '', 'x-dead-letter-routing-key' queue) back to the work
# queue; and the work queue itself dead-lettering to dead_queue (arguments={…}).
channel.queue_declare(queue=queue)
channel.basic_qos(prefetch_count=1)
print(f' [*] Waiting for tasks on {queue} (retries: {max_retries}, {retry_delay_ms} ms apart). To exit press CTRL+C')


def callback(ch, method, properties, body):
    task = body.decode()
    retries = int((properties.headers or {}).get('x-retries', 0))
    print(f' [x] Received {task} (attempt {retries + 1})')
    time.sleep(task.count('.') * ms_per_dot / 1000)
    outcome = outcome_of(task, retries + 1)
    if outcome == 'SUCCESS':
        print(f' [x] Done {task}')
        ch.basic_ack(delivery_tag=method.delivery_tag)
    else:
        # TODO (outcomes): FAIL_RETRY_LATER with retries left: publish a copy (copy.copy(properties)
        # with headers {…, 'x-retries': retries + 1}) to retry_queue — on this confirm channel
        # basic_publish returns once the broker has it — then ack this one. FAIL_DO_NOT_RETRY, or
        # no retries left: reject without requeue, so the broker dead-letters it to dead_queue.
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        print(f' [x] Failed {task}, requeued')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
channel.start_consuming()
