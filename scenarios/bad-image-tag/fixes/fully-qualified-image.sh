#!/bin/sh
# Patch the image to the fully-qualified docker.io/library/busybox:1.36 (the same image, spelled out).
set -eu
kubectl -n "$NS" patch deployment frontend -p '{"spec":{"template":{"spec":{"containers":[{"name":"frontend","image":"docker.io/library/busybox:1.36"}]}}}}'
