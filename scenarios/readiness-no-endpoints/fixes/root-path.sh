#!/bin/sh
# Probe the site's root page / instead (strategic merge patch: only httpGet.path changes).
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{"containers":[
  {"name": "web", "readinessProbe": {"httpGet": {"path": "/"}}}
]}}}}'
