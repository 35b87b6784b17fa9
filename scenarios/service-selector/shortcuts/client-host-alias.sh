#!/bin/sh
# Pin the name web in client's /etc/hosts (hostAliases) to a webapp pod's IP: client turns Ready, but Service web still routes nowhere and the pin breaks when that pod is replaced.
set -eu
ip=$(kubectl -n "$NS" get pods -l app=webapp -o jsonpath='{.items[0].status.podIP}')
kubectl -n "$NS" patch deployment client -p "{\"spec\":{\"template\":{\"spec\":{\"hostAliases\": [{\"ip\": \"$ip\", \"hostnames\": [\"web\"]}]}}}}"
