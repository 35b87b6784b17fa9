#!/bin/sh
# Leave the policies alone and give frontend's pod template the label the rule asks for (role=frontend): every pod it makes gets it.
set -eu
kubectl -n "$NS" patch deployment frontend -p '{"spec":{"template":{"metadata":{"labels":{"role":"frontend"}}}}}'
