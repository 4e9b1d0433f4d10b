#!/usr/bin/env python3
"""A site system that is not .NET, written from docs/messaging.md alone: sends one VisitOccurred and waits for its answer.

Settings come from the environment: CTMS_HOST, CTMS_PORT, CTMS_VHOST, SITE_CODE, SITE_PASSWORD, SUBJECT_NUMBER,
SEQUENCE, ENTERED_BY, VISIT_NAME. Prints the answer's JSON; exits 0 when it is MessageAccepted, 1 otherwise.
"""
import datetime
import json
import os
import sys
import time
import uuid

import pika

code = os.environ["SITE_CODE"]
lower = code.lower()
user = "site-" + lower
params = pika.ConnectionParameters(
    host=os.environ.get("CTMS_HOST", "127.0.0.1"),
    port=int(os.environ.get("CTMS_PORT", "5672")),
    virtual_host=os.environ.get("CTMS_VHOST", "/"),
    credentials=pika.PlainCredentials(user, os.environ["SITE_PASSWORD"]),
)

message_id = str(uuid.uuid4())
envelope = {
    "messageId": message_id,
    "type": "VisitOccurred",
    "schemaVersion": 1,
    "siteCode": code,
    "subjectNumber": os.environ["SUBJECT_NUMBER"],
    "sequence": int(os.environ.get("SEQUENCE", "1")),
    "sentAt": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "correlationId": "python-" + message_id[:8],
    "enteredBy": os.environ["ENTERED_BY"],
    "body": {"visitName": os.environ.get("VISIT_NAME", "Week 4"), "occurredOn": datetime.date.today().isoformat(), "outOfWindowReason": None},
}

connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.confirm_delivery()  # basic_publish raises if the broker does not confirm
channel.basic_publish(
    exchange="ctms.site.%s.in" % lower,
    routing_key="VisitOccurred",
    body=json.dumps(envelope).encode("utf-8"),
    properties=pika.BasicProperties(
        message_id=message_id,
        type="VisitOccurred",
        user_id=user,
        content_type="application/json",
        delivery_mode=2,
        correlation_id=envelope["correlationId"],
    ),
)

deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    method, properties, body = channel.basic_get("ctms.site.%s.out" % lower, auto_ack=False)
    if method is None:
        time.sleep(0.2)
        continue
    answer = json.loads(body)
    if answer.get("body", {}).get("messageId") != message_id:
        channel.basic_nack(method.delivery_tag, requeue=True)  # someone else's answer: leave it
        time.sleep(0.2)
        continue
    channel.basic_ack(method.delivery_tag)
    print(json.dumps(answer))
    connection.close()
    sys.exit(0 if answer["type"] == "MessageAccepted" else 1)

print("no answer within 60 s", file=sys.stderr)
sys.exit(2)
