package powerpack

// The callback the core calls when an async call completes. In a file of its own: a cgo preamble
// beside an //export may hold declarations only.

/*
#include "plivo_powerpack.h"
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

//export goPlivoComplete
func goPlivoComplete(userData unsafe.Pointer, envelope *C.char) {
	answers := cgo.Handle(uintptr(userData)).Value().(chan string)
	answers <- C.GoString(envelope) // a copy made in Go: no call back into C
}
