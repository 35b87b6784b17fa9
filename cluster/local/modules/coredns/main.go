// Command coredns is upstream CoreDNS with its default plugin set, built from the
// published github.com/coredns/coredns module and served to the cluster as an image.
package main

import (
	_ "github.com/coredns/coredns/core/plugin"
	"github.com/coredns/coredns/coremain"
)

func main() { coremain.Run() }
