#!/bin/sh
# Change web's command so that a second httpd also serves /www on 8081: the probe passes, but the app was changed and the probe still checks 8081.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command",
   "value": ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && echo ok > /www/healthz && echo \"$POD_UID\" > /www/kubedrill-id && httpd -p 8081 -h /www && exec httpd -f -p 8080 -h /www"]}
]'
