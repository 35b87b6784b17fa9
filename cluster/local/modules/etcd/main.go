// Command etcd is upstream etcd's server entry point, built from the published
// go.etcd.io/etcd/server module (Debian's etcd 3.4 is too old for Kubernetes 1.36).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
