// Package powerpack is a client for Plivo's Powerpack API ("Update a Powerpack", and the
// Powerpack's number pool), served by the same Rust core as the project's Python, Kotlin, Swift
// and Ruby bindings: validation before any I/O, retries with backoff and jitter, three timeouts,
// typed errors with Retry-After, and the auth token masked everywhere.
//
// What it does that plivo-go does not: booleans are *bool, so powerpack.Bool(false) is sent as
// JSON false (plivo-go types them as strings and cannot send false); unset fields are omitted;
// every call takes a context.Context whose cancellation and deadline reach the request in flight.
//
//	client, err := powerpack.NewClient("MAXXXXXXXXXXXXXXXXXX", "auth_token", powerpack.Options{})
//	if err != nil { ... }
//	defer client.Close()
//	pp, err := client.GetPowerpack(ctx, "powerpack_uuid")
//	updated, err := client.UpdatePowerpack(ctx, pp.UUID, powerpack.UpdateParams{
//		Name:         powerpack.String("your_powerpack_name"),
//		StickySender: powerpack.Bool(false),
//	})
//
// Errors are *powerpack.Error (errors.As) with Kind, Status, APIID, Reason and RetryAfter, and
// match the sentinels with errors.Is (ErrNotFound, ErrRateLimited, ErrValidation...). A call
// stopped by its context returns an error that matches context.Canceled or
// context.DeadlineExceeded.
//
// # Building
//
// The package links the core's static library with cgo. It looks for
// lib/linux_amd64/libplivo_powerpack_c.a and include/plivo_powerpack.h inside the module
// directory, where the project's staging step (make dist-go) puts them; elsewhere set
// CGO_LDFLAGS to the library's path. Verified on linux/amd64 only.
package powerpack
