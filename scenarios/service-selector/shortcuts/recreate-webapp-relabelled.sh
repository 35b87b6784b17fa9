#!/bin/sh
# Recreate Deployment webapp with its pods labelled app=web-app (the selector is immutable, so delete and create): the Service matches, but the brief keeps webapp.
set -eu
kubectl -n "$NS" get deployment webapp -o json \
  | sed 's/"app": "webapp"/"app": "web-app"/g' \
  | kubectl -n "$NS" replace --force -f -
