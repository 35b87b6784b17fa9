#!/bin/sh
# Let Service web publish not-ready pods (publishNotReadyAddresses): the client gets answers, but the pods are still not Ready and the kept Service was modified.
set -eu
kubectl -n "$NS" patch service web -p '{"spec":{"publishNotReadyAddresses":true}}'
