package powerpack

/*
#include "plivo_powerpack.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"runtime"
	"sync"
	"time"
)

// Options are a client's settings; the zero value takes every default of the core (the
// production API, 5 s to connect, 30 s an attempt, 60 s a call, 3 attempts).
type Options struct {
	// BaseURL is where the API lives: https://, or http:// to a loopback host (a sandbox).
	BaseURL         string
	ConnectTimeout  time.Duration
	AttemptTimeout  time.Duration
	TotalDeadline   time.Duration
	Retry           *RetryPolicy
	UserAgentSuffix string
	// Proxy is an HTTP(S) proxy URL for every request.
	Proxy           string
	SkipAuthIDCheck bool
	// RootCertificatesPEM are extra certificate authorities to trust (PEM text).
	RootCertificatesPEM []string
	// TrustStore is TrustBundled (default) or TrustSystem.
	TrustStore TrustStore
}

// RetryPolicy: MaxAttempts counts every attempt, the first included.
type RetryPolicy struct {
	MaxAttempts int
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

// TrustStore chooses the roots trusted besides RootCertificatesPEM.
type TrustStore string

const (
	TrustBundled TrustStore = "bundled" // the Mozilla roots built into the library
	TrustSystem  TrustStore = "system"  // the operating system's store
)

// Client is safe for concurrent use by any number of goroutines; share one per process.
// Close it when done (a finalizer frees it otherwise).
type Client struct {
	native      *C.PlivoClient
	description string
	// Held shared by every call while it uses native, and exclusively by Close to free it: a
	// call never runs on a freed client, and one after Close is ErrClosed.
	lifetime sync.RWMutex
	closed   bool
}

type wireRetry struct {
	MaxAttempts *int   `json:"max_attempts,omitempty"`
	BaseDelayMS *int64 `json:"base_delay_ms,omitempty"`
	MaxDelayMS  *int64 `json:"max_delay_ms,omitempty"`
}

type wireConfig struct {
	AuthID              *string    `json:"auth_id,omitempty"`
	AuthToken           *string    `json:"auth_token,omitempty"`
	BaseURL             string     `json:"base_url,omitempty"`
	ConnectTimeoutMS    *int64     `json:"connect_timeout_ms,omitempty"`
	AttemptTimeoutMS    *int64     `json:"attempt_timeout_ms,omitempty"`
	TotalDeadlineMS     *int64     `json:"total_deadline_ms,omitempty"`
	Retry               *wireRetry `json:"retry,omitempty"`
	UserAgentSuffix     string     `json:"user_agent_suffix,omitempty"`
	Proxy               string     `json:"proxy,omitempty"`
	SkipAuthIDCheck     bool       `json:"skip_auth_id_check,omitempty"`
	RootCertificatesPEM []string   `json:"root_certificates_pem,omitempty"`
	TrustStore          TrustStore `json:"trust_store,omitempty"`
}

// millis is nil for 0 (the core's default); a negative duration is sent as -1 ms and refused.
func millis(d time.Duration) *int64 {
	if d == 0 {
		return nil
	}
	ms := d.Milliseconds()
	if d > 0 && ms == 0 {
		ms = 1
	}
	if d < 0 {
		ms = -1
	}
	return &ms
}

// NewClient makes a client for these credentials. It fails with a KindValidation *Error naming
// the first bad setting; nothing is sent.
func NewClient(authID, authToken string, opts Options) (*Client, error) {
	return newClient(&authID, &authToken, opts)
}

// FromEnv makes a client with credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN, the base URL
// from PLIVO_BASE_URL and extra CAs from the PEM file PLIVO_CA_BUNDLE when set; opts.BaseURL
// overrides the environment's.
func FromEnv(opts Options) (*Client, error) {
	return newClient(nil, nil, opts)
}

func newClient(authID, authToken *string, o Options) (*Client, error) {
	config := wireConfig{
		AuthID: authID, AuthToken: authToken, BaseURL: o.BaseURL,
		ConnectTimeoutMS: millis(o.ConnectTimeout), AttemptTimeoutMS: millis(o.AttemptTimeout),
		TotalDeadlineMS: millis(o.TotalDeadline), UserAgentSuffix: o.UserAgentSuffix, Proxy: o.Proxy,
		SkipAuthIDCheck: o.SkipAuthIDCheck, RootCertificatesPEM: o.RootCertificatesPEM, TrustStore: o.TrustStore,
	}
	if o.Retry != nil {
		r := &wireRetry{BaseDelayMS: millis(o.Retry.BaseDelay), MaxDelayMS: millis(o.Retry.MaxDelay)}
		if o.Retry.MaxAttempts != 0 {
			r.MaxAttempts = &o.Retry.MaxAttempts
		}
		config.Retry = r
	}
	if config.UserAgentSuffix == "" {
		config.UserAgentSuffix = "go/" + runtime.Version()
	}
	payload, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	native, err := newNative(payload)
	if err != nil {
		return nil, err
	}
	c := &Client{native: native}
	c.description = describeNative(native)
	runtime.SetFinalizer(c, (*Client).Close)
	return c, nil
}

// Close frees the client once the calls in flight have ended (it waits for them); a call made
// after Close returns ErrClosed. Safe to call more than once, from any goroutine.
func (c *Client) Close() {
	c.lifetime.Lock()
	defer c.lifetime.Unlock()
	if c.closed {
		return
	}
	c.closed = true
	runtime.SetFinalizer(c, nil)
	freeNative(c.native)
	c.native = nil
}

// String describes the client (account, base URL, timeouts); the token shows as ***.
func (c *Client) String() string { return c.description }

// GoString is what %#v prints: the same, never the token.
func (c *Client) GoString() string { return c.description }

// The arguments of the Powerpack calls as the core's table names them: structs, not maps, since
// encoding/json writes a struct from a cached plan and a map by reflection and a key sort.
type (
	uuidArgs struct {
		UUID string `json:"uuid"`
	}
	createArgs struct {
		Powerpack CreateParams `json:"powerpack"`
	}
	updateArgs struct {
		UUID    string       `json:"uuid"`
		Changes UpdateParams `json:"changes"`
	}
	deleteArgs struct {
		UUID          string `json:"uuid"`
		UnrentNumbers bool   `json:"unrent_numbers"`
	}
)

// GetPowerpack fetches one Powerpack.
func (c *Client) GetPowerpack(ctx context.Context, uuid string) (*Powerpack, error) {
	var out Powerpack
	return &out, c.call(ctx, "get_powerpack", uuidArgs{uuid}, &out)
}

// CreatePowerpack creates a Powerpack; unset booleans take the API's defaults (true). A create is
// retried only when it surely was not processed, so a retry never makes a duplicate.
func (c *Client) CreatePowerpack(ctx context.Context, params CreateParams) (*Powerpack, error) {
	var out Powerpack
	return &out, c.call(ctx, "create_powerpack", createArgs{params}, &out)
}

// UpdatePowerpack changes a Powerpack ("Update a Powerpack"): nil fields are not sent,
// Bool(false) is sent as false. At least one field is required.
func (c *Client) UpdatePowerpack(ctx context.Context, uuid string, params UpdateParams) (*Powerpack, error) {
	var out Powerpack
	return &out, c.call(ctx, "update_powerpack", updateArgs{uuid, params}, &out)
}

// ListPowerpacks returns one page: Limit 1..20 (0 means 20), Offset from 0.
func (c *Client) ListPowerpacks(ctx context.Context, page Page) (*PowerpackPage, error) {
	var out PowerpackPage
	return &out, c.call(ctx, "list_powerpacks", page.args(nil), &out)
}

// ListAllPowerpacks walks every page.
func (c *Client) ListAllPowerpacks(ctx context.Context) ([]Powerpack, error) {
	var out []Powerpack
	return out, c.call(ctx, "list_all_powerpacks", map[string]any{}, &out)
}

// DeletePowerpack deletes a Powerpack; its numbers stay rented unless UnrentNumbers is set.
func (c *Client) DeletePowerpack(ctx context.Context, uuid string, opts DeleteOptions) (*DeleteResult, error) {
	var out DeleteResult
	return &out, c.call(ctx, "delete_powerpack", deleteArgs{uuid, opts.UnrentNumbers}, &out)
}
