#!/bin/sh
# Bind a get/list/watch pods Role to the group of every ServiceAccount in the namespace: pod-watcher lists pods, so do deployer and default.
set -eu
kubectl -n "$NS" create role all-pod-readers --verb=get,list,watch --resource=pods
kubectl -n "$NS" create rolebinding all-pod-readers --role=all-pod-readers --group="system:serviceaccounts:$NS"
