#!/usr/bin/env python3
# Lab 12, worker.py: three outcomes for every task. SUCCESS is acked; FAIL_RETRY_LATER goes to a
# delay queue whose TTL dead-letters it back to the work queue; FAIL_DO_NOT_RETRY (and a task out
# of retries) is rejected, and the work queue's dead-letter exchange files it in <queue>.dead.
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
channel.queue_declare(queue=dead_queue)
# A message waits in the retry queue until its TTL runs out, then is dead-lettered back to work.
channel.queue_declare(queue=retry_queue, arguments={
    'x-message-ttl': retry_delay_ms, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue})
channel.queue_declare(queue=queue, arguments={
    'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dead_queue})
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
    elif outcome == 'FAIL_RETRY_LATER' and retries < max_retries:
        # The copy first, confirmed (basic_publish waits on a confirm channel); then the ack: a
        # crash in between duplicates, never loses.
        later = copy.copy(properties)
        later.headers = {**(properties.headers or {}), 'x-retries': retries + 1}
        ch.basic_publish(exchange='', routing_key=retry_queue, body=body, properties=later)
        ch.basic_ack(delivery_tag=method.delivery_tag)
        print(f' [x] Retry later {task} ({retries + 1} of {max_retries})')
    else:
        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        reason = 'cannot succeed' if outcome == 'FAIL_DO_NOT_RETRY' else f'still failing after {max_retries} retries'
        print(f' [x] Dropped {task}: {reason}')


channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=False)
channel.start_consuming()
