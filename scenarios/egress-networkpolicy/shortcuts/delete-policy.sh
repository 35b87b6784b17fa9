#!/bin/sh
# Delete NetworkPolicy app-egress: app works, but nothing restricts its egress any more.
set -eu
kubectl -n "$NS" delete networkpolicy app-egress
