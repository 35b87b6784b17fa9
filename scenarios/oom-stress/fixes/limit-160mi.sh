#!/bin/sh
# Raise only the limit, to the lowest value the task allows (160Mi); the 32Mi request stays.
set -eu
kubectl -n "$NS" set resources deployment/worker -c worker --limits=memory=160Mi
