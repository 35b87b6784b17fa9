#!/bin/sh
# Create a Service db with no pods behind it (kubectl create service selects app=db): the name resolves, but nothing answers on 5432 and the pods keep waiting.
set -eu
kubectl -n "$NS" create service clusterip db --tcp=5432:5432
