// Package build knows the version of the running binary.
package build

import "runtime/debug"

// Version is set at link time with -ldflags "-X .../internal/build.Version=v1.2.3".
var Version = ""

// String returns the version: the link-time one, else the module version
// from the build information, else "devel".
func String() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
