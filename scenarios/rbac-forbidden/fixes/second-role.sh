#!/bin/sh
# Leave pod-reader alone; create Role pod-lister (get, list, watch pods) and bind pod-watcher to it with a second RoleBinding.
set -eu
kubectl -n "$NS" create role pod-lister --verb=get,list,watch --resource=pods
kubectl -n "$NS" create rolebinding pod-watcher-lister --role=pod-lister --serviceaccount="$NS:pod-watcher"
