#!/bin/sh
# Put -f in the command instead (command [httpd, -f], args unchanged) with a strategic merge patch.
set -eu
kubectl -n "$NS" patch deployment web -p '{"spec":{"template":{"spec":{"containers":[
  {"name": "web", "command": ["httpd", "-f"]}
]}}}}'
