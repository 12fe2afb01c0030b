package powerpack

/*
#cgo CFLAGS: -I${SRCDIR}/include
#cgo linux,amd64 LDFLAGS: ${SRCDIR}/lib/linux_amd64/libplivo_powerpack_c.a -lm -ldl -lpthread
#include <stdint.h>
#include <stdlib.h>
#include "plivo_powerpack.h"

*/
import "C"

import (
	"context"
	"sync/atomic"
	"unsafe"
)

// newNative makes the Rust client from its JSON config.
func newNative(config []byte) (*C.PlivoClient, error) {
	cConfig := C.CString(string(config))
	defer C.free(unsafe.Pointer(cConfig))
	var cErr *C.char
	native := C.plivo_client_new(cConfig, &cErr)
	if native == nil {
		envelope := C.GoString(cErr)
		C.plivo_string_free(cErr)
		return nil, decodeFailure(envelope)
	}
	return native, nil
}

func freeNative(native *C.PlivoClient) { C.plivo_client_free(native) }

func describeNative(native *C.PlivoClient) string {
	text := C.plivo_client_describe(native)
	defer C.plivo_string_free(text)
	return C.GoString(text)
}

// cText is a NUL-terminated copy of text for C, in Go memory (one allocation): cgo lets C read it
// for the length of the call it is passed to, and it holds no Go pointers.
func cText[T string | []byte](text T) *C.char {
	copied := make([]byte, len(text)+1)
	copy(copied, text)
	return (*C.char)(unsafe.Pointer(&copied[0]))
}

// callsInFlight counts this process's calls between their start and their answer.
var callsInFlight atomic.Int64

// call runs one operation of the core's table with its JSON arguments and decodes the result
// into out. A call alone in flight waits for its answer on its own thread: the core drives it
// there, with no hand-off to a library thread and back (a goroutine woken by an answer from a
// library thread costs more than the rest of the crossing). While other calls are in flight it
// takes the async entry instead, so 64 goroutines make 64 cheap channel waits rather than 64 OS
// threads parked in cgo. Either way a context that can end gets a cancellation token, and its end
// cancels the request in flight.
func (c *Client) call(ctx context.Context, operation string, args any, out any) error {
	if err := ctx.Err(); err != nil {
		return &callError{operation: operation, err: err}
	}
	payload, err := encodeArgs(args)
	if err != nil {
		return &Error{Kind: KindValidation, Field: "args", Reason: err.Error(), Message: "invalid args: " + err.Error()}
	}
	// The core copies both before any call returns (plivo_powerpack.h), so C reads them in Go's
	// memory: no malloc and free through cgo, each a crossing of its own.
	cOp, cArgs := cText(operation), cText(payload)

	// The shared hold keeps Close (and so the free) waiting until this call is done, and the
	// deferred release keeps c reachable until then: its finalizer cannot run mid-call.
	c.lifetime.RLock()
	defer c.lifetime.RUnlock()
	if c.closed {
		return &callError{operation: operation, err: ErrClosed}
	}
	defer callsInFlight.Add(-1)
	if callsInFlight.Add(1) == 1 {
		return c.callHere(ctx, operation, cOp, cArgs, out)
	}
	return c.callAsync(ctx, operation, cOp, cArgs, out)
}

// callHere blocks this goroutine's thread in plivo_call_with_cancel; the context's end cancels it
// from the goroutine context.AfterFunc starts.
func (c *Client) callHere(ctx context.Context, operation string, cOp, cArgs *C.char, out any) error {
	var token *C.PlivoCancel
	if ctx.Done() != nil {
		token = C.plivo_cancel_new()
		defer C.plivo_cancel_free(token)
		cancelled := make(chan struct{})
		stop := context.AfterFunc(ctx, func() {
			C.plivo_cancel_cancel(token)
			close(cancelled)
		})
		// The token is freed only once no cancel can still reach it.
		defer func() {
			if !stop() {
				<-cancelled
			}
		}()
	}
	envelope := C.plivo_call_with_cancel(c.native, cOp, cArgs, token)
	text := C.GoString(envelope) // a copy made in Go: no call back into C for its length
	C.plivo_string_free(envelope)
	err := decodeEnvelope(text, out)
	if e, ok := err.(*Error); ok && e.Kind == kindCancelled && ctx.Err() != nil {
		return &callError{operation: operation, err: ctx.Err()}
	}
	return err
}

// callAsync starts the call through plivo_call_async and waits on a channel for its answer
// (completions.go).
func (c *Client) callAsync(ctx context.Context, operation string, cOp, cArgs *C.char, out any) error {
	var token *C.PlivoCancel
	if ctx.Done() != nil {
		token = C.plivo_cancel_new()
		defer C.plivo_cancel_free(token)
	}
	answers := make(chan string, 1)
	handle := startAsync(c.native, cOp, cArgs, token, answers)
	defer handle.Delete()
	select { // a context that cannot end has a nil Done channel, which this select never takes
	case envelope := <-answers:
		return decodeEnvelope(envelope, out)
	case <-ctx.Done():
		C.plivo_cancel_cancel(token)
		<-answers // the answer always comes; after a cancel, at once
		return &callError{operation: operation, err: ctx.Err()}
	}
}
