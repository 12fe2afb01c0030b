package powerpack

// The callback the core calls when an async call completes. In a file of its own: a cgo preamble
// beside an //export may hold declarations only.

/*
#include <string.h>
#include "plivo_powerpack.h"
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

//export goPlivoComplete
func goPlivoComplete(userData unsafe.Pointer, envelope *C.char) {
	answers := cgo.Handle(uintptr(userData)).Value().(chan []byte)
	answers <- C.GoBytes(unsafe.Pointer(envelope), C.int(C.strlen(envelope)))
}
