#!/bin/sh
# Delete Service web and create it again from Deployment web (kubectl expose, selector app=web) on port 8080, targeting the port named web.
set -eu
kubectl -n "$NS" delete service web
kubectl -n "$NS" expose deployment web --name web --port 8080 --target-port web
