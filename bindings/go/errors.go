package powerpack

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrorKind says what kind of failure an *Error is; the core's kinds, one for one.
type ErrorKind string

const (
	KindValidation     ErrorKind = "validation"      // refused before anything was sent
	KindAuthentication ErrorKind = "authentication"  // HTTP 401
	KindForbidden      ErrorKind = "forbidden"       // HTTP 403
	KindNotFound       ErrorKind = "not_found"       // HTTP 404
	KindInvalidRequest ErrorKind = "invalid_request" // other 4xx
	KindRateLimited    ErrorKind = "rate_limited"    // HTTP 429 after every retry
	KindServer         ErrorKind = "server"          // HTTP 5xx after every retry
	KindTimeout        ErrorKind = "timeout"         // connect, attempt or total deadline
	KindNetwork        ErrorKind = "network"         // connection failed, reset, body cut short
	KindDecode         ErrorKind = "decode"          // a 2xx body that is not the expected JSON
	KindTLS            ErrorKind = "tls"             // the server's certificate was refused
	KindInternal       ErrorKind = "internal"        // a bug in plivo-powerpack

	// kindCancelled is a call cancelled through its token, reported as the context's error.
	kindCancelled ErrorKind = "cancelled"
)

// Sentinels for errors.Is: errors.Is(err, powerpack.ErrNotFound).
var (
	ErrValidation     = errors.New("powerpack: validation")
	ErrAuthentication = errors.New("powerpack: authentication failed")
	ErrForbidden      = errors.New("powerpack: forbidden")
	ErrNotFound       = errors.New("powerpack: not found")
	ErrInvalidRequest = errors.New("powerpack: invalid request")
	ErrRateLimited    = errors.New("powerpack: rate limited")
	ErrServer         = errors.New("powerpack: server error")
	ErrTimeout        = errors.New("powerpack: timeout")
	ErrNetwork        = errors.New("powerpack: network error")
	ErrDecode         = errors.New("powerpack: undecodable response")
	ErrTLS            = errors.New("powerpack: TLS error")
	ErrInternal       = errors.New("powerpack: internal error")
	// ErrClosed: a call on a Client after its Close.
	ErrClosed = errors.New("powerpack: the client is closed")
)

var sentinels = map[ErrorKind]error{
	KindValidation: ErrValidation, KindAuthentication: ErrAuthentication, KindForbidden: ErrForbidden,
	KindNotFound: ErrNotFound, KindInvalidRequest: ErrInvalidRequest, KindRateLimited: ErrRateLimited,
	KindServer: ErrServer, KindTimeout: ErrTimeout, KindNetwork: ErrNetwork, KindDecode: ErrDecode,
	KindTLS: ErrTLS, KindInternal: ErrInternal,
}

// Error is every failure the API or the client reports (errors.As(err, &apiErr)). It never holds
// the auth token, in any encoding.
type Error struct {
	Kind ErrorKind
	// Status is the HTTP status for API errors, 0 otherwise.
	Status int
	// APIID is the api_id Plivo gave the failed request, when the body had one.
	APIID string
	// Reason is the server's message, or what went wrong locally.
	Reason string
	// BodyExcerpt is the start of the error body (at most 512 bytes).
	BodyExcerpt string
	// RetryAfter is the server's Retry-After on a rate-limited call, 0 when it sent none.
	RetryAfter time.Duration
	// Field names the refused argument or setting of a validation error.
	Field string
	// Path is the JSON path at fault in a decode error.
	Path string
	// Message is the whole text, as Error() returns it.
	Message string
}

func (e *Error) Error() string { return "powerpack: " + e.Message }

// Is matches the sentinel of the error's kind.
func (e *Error) Is(target error) bool { return sentinels[e.Kind] == target }

// callError is a call ended by its context: it matches context.Canceled or DeadlineExceeded.
type callError struct {
	operation string
	err       error
}

func (e *callError) Error() string { return fmt.Sprintf("powerpack: %s: %v", e.operation, e.err) }
func (e *callError) Unwrap() error { return e.err }

type wireError struct {
	Kind        ErrorKind `json:"kind"`
	Message     string    `json:"message"`
	Status      *int      `json:"status"`
	APIID       *string   `json:"api_id"`
	Reason      string    `json:"reason"`
	BodyExcerpt *string   `json:"body_excerpt"`
	RetryAfter  *float64  `json:"retry_after"`
	Field       *string   `json:"field"`
	Path        *string   `json:"path"`
}

// envelope is the core's answer; Result holds the caller's pointer (encoding/json decodes into
// the value an interface points to) or nil to skip the result.
type envelope struct {
	OK     bool       `json:"ok"`
	Result any        `json:"result"`
	Error  *wireError `json:"error"`
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func (w *wireError) toError() *Error {
	e := &Error{
		Kind: w.Kind, Status: deref(w.Status), APIID: deref(w.APIID), Reason: w.Reason,
		BodyExcerpt: deref(w.BodyExcerpt), Field: deref(w.Field), Path: deref(w.Path), Message: w.Message,
	}
	if w.RetryAfter != nil {
		e.RetryAfter = time.Duration(*w.RetryAfter * float64(time.Second))
	}
	return e
}

func decodeFailure(text string) error {
	var env envelope
	if err := json.Unmarshal([]byte(text), &env); err != nil || env.Error == nil {
		return &Error{Kind: KindInternal, Reason: "an unreadable answer from the core", Message: "internal error: an unreadable answer from the core"}
	}
	return env.Error.toError()
}

// decodeEnvelope reads the core's answer in one pass: the result goes straight into out.
func decodeEnvelope(text string, out any) error {
	if p, ok := out.(*Powerpack); ok {
		if decodePowerpackAnswer(text, p) {
			return nil
		}
		*p = Powerpack{}
	}
	env := envelope{Result: out}
	if err := json.Unmarshal([]byte(text), &env); err != nil {
		return &Error{Kind: KindInternal, Reason: err.Error(), Message: "internal error: " + err.Error()}
	}
	if !env.OK {
		if env.Error == nil {
			return decodeFailure(text)
		}
		return env.Error.toError()
	}
	return nil
}
