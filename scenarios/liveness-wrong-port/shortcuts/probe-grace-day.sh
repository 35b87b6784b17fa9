#!/bin/sh
# Point the probe at 8080 but give its kill a day of grace (livenessProbe.terminationGracePeriodSeconds 86400): httpd ignores SIGTERM, so a hung server is SIGKILLed only a day after the probe gives up.
set -eu
kubectl -n "$NS" patch deployment web --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": 8080},
  {"op": "add", "path": "/spec/template/spec/containers/0/livenessProbe/terminationGracePeriodSeconds", "value": 86400}
]'
