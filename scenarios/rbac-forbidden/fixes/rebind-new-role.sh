#!/bin/sh
# Recreate RoleBinding pod-watcher on a new Role pod-watcher-role (a binding's roleRef cannot change) and delete the old Role.
set -eu
kubectl -n "$NS" create role pod-watcher-role --verb=get --verb=list --verb=watch --resource=pods
kubectl -n "$NS" delete rolebinding pod-watcher
kubectl -n "$NS" create rolebinding pod-watcher --role=pod-watcher-role --serviceaccount="$NS:pod-watcher"
kubectl -n "$NS" delete role pod-reader
