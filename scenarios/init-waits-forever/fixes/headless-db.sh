#!/bin/sh
# A headless Service db (no cluster IP) selecting the database pods: the name db resolves straight to their pod IPs, and follows them when they are replaced.
set -eu
kubectl -n "$NS" expose deployment database --name db --port 5432 --cluster-ip=None
