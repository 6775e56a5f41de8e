package main

import (
	"embed"
	"os"

	"github.com/streamwarden/streamwarden/app"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	os.Exit(app.Run(assets, os.Args[1:]))
}
