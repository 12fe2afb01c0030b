package powerpack

// How an async call's answer reaches its goroutine. The core calls a plain C callback on its own
// thread; the callback copies the envelope onto a queue and, when the one poller goroutine is
// waiting, wakes it; the poller takes every answer queued in one cgo call and sends each to its
// channel. A Go callback per answer instead costs a foreign thread's entry into the Go runtime
// and a Go thread woken for each goroutine readied from outside it; here a busy process pays one
// crossing for many answers, and no Go code ever runs on the core's threads (so none runs there
// while the process exits, either).

/*
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "plivo_powerpack.h"

typedef struct {
	uintptr_t handle;  // the cgo.Handle of the channel awaiting the answer
	char *envelope;    // malloc'd copy, or plivo_go_no_memory (never freed)
} plivo_go_answer;

static char plivo_go_no_memory[] = "{\"ok\":false,\"error\":{\"kind\":\"internal\",\"message\":\"internal error: out of memory for an answer\",\"reason\":\"out of memory for an answer\"}}";
static pthread_mutex_t plivo_go_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t plivo_go_ready = PTHREAD_COND_INITIALIZER;
static plivo_go_answer *plivo_go_queue;
static size_t plivo_go_len, plivo_go_cap;
static int plivo_go_waiting;

static void plivo_go_complete(void *user_data, const char *envelope) {
	size_t size = strlen(envelope) + 1;
	char *copy = malloc(size);
	if (copy) memcpy(copy, envelope, size); else copy = plivo_go_no_memory;
	pthread_mutex_lock(&plivo_go_lock);
	while (plivo_go_len == plivo_go_cap) {
		size_t cap = plivo_go_cap ? plivo_go_cap * 2 : 256;
		plivo_go_answer *grown = realloc(plivo_go_queue, cap * sizeof *grown);
		if (grown) {
			plivo_go_queue = grown;
			plivo_go_cap = cap;
			break;
		}
		// No memory to queue it: the answer must not be lost, so wait for the poller to make room.
		pthread_mutex_unlock(&plivo_go_lock);
		sched_yield();
		pthread_mutex_lock(&plivo_go_lock);
	}
	plivo_go_queue[plivo_go_len++] = (plivo_go_answer){(uintptr_t)user_data, copy};
	if (plivo_go_waiting) pthread_cond_signal(&plivo_go_ready);
	pthread_mutex_unlock(&plivo_go_lock);
}

// Waits for at least one answer and moves up to max of them, oldest first, into out.
static size_t plivo_go_take(plivo_go_answer *out, size_t max) {
	pthread_mutex_lock(&plivo_go_lock);
	while (plivo_go_len == 0) {
		plivo_go_waiting = 1;
		pthread_cond_wait(&plivo_go_ready, &plivo_go_lock);
		plivo_go_waiting = 0;
	}
	size_t n = plivo_go_len < max ? plivo_go_len : max;
	memcpy(out, plivo_go_queue, n * sizeof *out);
	memmove(plivo_go_queue, plivo_go_queue + n, (plivo_go_len - n) * sizeof *out);
	plivo_go_len -= n;
	pthread_mutex_unlock(&plivo_go_lock);
	return n;
}

static void plivo_go_free(plivo_go_answer *answers, size_t n) {
	for (size_t i = 0; i < n; i++)
		if (answers[i].envelope != plivo_go_no_memory) free(answers[i].envelope);
}

static inline void plivo_go_call_async(const PlivoClient *client, const char *operation, const char *args,
                                       const PlivoCancel *cancel, uintptr_t handle) {
	plivo_call_async(client, operation, args, cancel, plivo_go_complete, (void *)handle);
}
*/
import "C"

import (
	"runtime/cgo"
	"sync"
	"unsafe"
)

// batchSize is how many answers the poller takes in one crossing at most.
const batchSize = 256

var startPoller sync.Once

// startAsync starts the call; its envelope arrives on answers, which the poller sends to.
func startAsync(native *C.PlivoClient, cOp, cArgs *C.char, token *C.PlivoCancel, answers chan string) cgo.Handle {
	startPoller.Do(func() { go poll() })
	handle := cgo.NewHandle(answers)
	C.plivo_go_call_async(native, cOp, cArgs, token, C.uintptr_t(handle))
	return handle
}

// poll delivers every answer for the life of the process, on a thread of its own while it waits.
func poll() {
	batch := (*[batchSize]C.plivo_go_answer)(C.malloc(C.size_t(batchSize) * C.size_t(unsafe.Sizeof(C.plivo_go_answer{}))))
	for {
		n := int(C.plivo_go_take(&batch[0], batchSize))
		for _, answer := range batch[:n] {
			// Each channel has room for its one answer: the send never blocks.
			cgo.Handle(answer.handle).Value().(chan string) <- C.GoString(answer.envelope)
		}
		C.plivo_go_free(&batch[0], C.size_t(n))
	}
}
