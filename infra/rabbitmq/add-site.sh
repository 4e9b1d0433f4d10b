#!/usr/bin/env bash
# Adds one site to the broker through the management API (idempotent): its RabbitMQ user and password, its inbound
# exchange and quorum queue with dead-lettering to an error queue, its outbound queue bound to ctms.sites.out, and
# permissions that let the site write only its inbound exchange and read only its outbound queue (docs/messaging.md).
#
#   RABBITMQ_API=http://127.0.0.1:15672/api RABBITMQ_ADMIN=ctms:ctms RABBITMQ_VHOST=/ \
#   SITE_PASSWORD=... infra/rabbitmq/add-site.sh SEL01
#
# Without SITE_PASSWORD a random password is generated and printed once.
set -euo pipefail

code="${1:?usage: add-site.sh SITE_CODE}"
lower="$(printf '%s' "$code" | tr '[:upper:]' '[:lower:]')"
if ! [[ "$lower" =~ ^[a-z0-9-]{1,20}$ ]]; then
  echo "Site code must be 1-20 letters, digits or '-': got '$code'" >&2
  exit 2
fi

api="${RABBITMQ_API:-http://127.0.0.1:15672/api}"
admin="${RABBITMQ_ADMIN:-guest:guest}"
vhost="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "${RABBITMQ_VHOST:-/}")"
user="site-${lower}"
password="${SITE_PASSWORD:-}"
if [ -z "$password" ]; then
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  generated=1
fi

put() { curl -fsS -u "$admin" -H 'content-type: application/json' -X PUT "$api/$1" -d "$2" >/dev/null; }
post() { curl -fsS -u "$admin" -H 'content-type: application/json' -X POST "$api/$1" -d "$2" >/dev/null; }

put "users/${user}" "$(python3 -c 'import json, sys; print(json.dumps({"password": sys.argv[1], "tags": ""}))' "$password")"
put "exchanges/${vhost}/ctms.sites.out" '{"type":"direct","durable":true}'
put "exchanges/${vhost}/ctms.site.${lower}.in" '{"type":"fanout","durable":true}'
put "exchanges/${vhost}/ctms.site.${lower}.dlx" '{"type":"fanout","durable":true}'
put "queues/${vhost}/ctms.site.${lower}.in" "{\"durable\":true,\"arguments\":{\"x-queue-type\":\"quorum\",\"x-dead-letter-exchange\":\"ctms.site.${lower}.dlx\",\"x-single-active-consumer\":true}}"
put "queues/${vhost}/ctms.site.${lower}.in.error" '{"durable":true,"arguments":{"x-queue-type":"quorum"}}'
put "queues/${vhost}/ctms.site.${lower}.out" '{"durable":true,"arguments":{"x-queue-type":"quorum"}}'
post "bindings/${vhost}/e/ctms.site.${lower}.in/q/ctms.site.${lower}.in" '{"routing_key":""}'
post "bindings/${vhost}/e/ctms.site.${lower}.dlx/q/ctms.site.${lower}.in.error" '{"routing_key":""}'
post "bindings/${vhost}/e/ctms.sites.out/q/ctms.site.${lower}.out" "{\"routing_key\":\"${lower}\"}"
put "permissions/${vhost}/${user}" "{\"configure\":\"^\$\",\"write\":\"^ctms\\\\.site\\\\.${lower}\\\\.in\$\",\"read\":\"^ctms\\\\.site\\\\.${lower}\\\\.out\$\"}"

echo "Site ${code}: user ${user}, publish to ctms.site.${lower}.in, consume ctms.site.${lower}.out"
if [ "${generated:-0}" = 1 ]; then
  echo "Password (shown once): ${password}"
fi
echo "Central: set SiteSync:Sites:${code^^}=<site id> so the gateway consumes this site's queue."
