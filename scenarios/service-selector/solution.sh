#!/bin/sh
# Point Service web's selector at the label webapp's pods carry, app=webapp (strategic merge patch: the key app changes value).
set -eu
kubectl -n "$NS" patch service web -p '{"spec":{"selector":{"app":"webapp"}}}'
