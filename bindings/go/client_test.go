package powerpack_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	powerpack "github.com/plivo-powerpack/plivo-powerpack/bindings/go"
)

func newClient(t testing.TB, opts powerpack.Options) *powerpack.Client {
	t.Helper()
	if opts.BaseURL == "" {
		opts.BaseURL = sb.URL
	}
	if opts.Retry == nil {
		opts.Retry = &powerpack.RetryPolicy{MaxAttempts: 3, BaseDelay: 5 * time.Millisecond, MaxDelay: 20 * time.Millisecond}
	}
	c, err := powerpack.NewClient(authID, token, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func apiError(t *testing.T, err error) *powerpack.Error {
	t.Helper()
	var e *powerpack.Error
	if !errors.As(err, &e) {
		t.Fatalf("not a *powerpack.Error: %#v", err)
	}
	return e
}

func TestTheSeedFlowSendsExactlyTheChanges(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	c := newClient(t, powerpack.Options{})
	created, err := c.CreatePowerpack(ctx, powerpack.CreateParams{Name: "go-seed"})
	if err != nil {
		t.Fatal(err)
	}
	sb.admin(t, "DELETE", "journal", nil)

	got, err := c.GetPowerpack(ctx, created.UUID)
	if err != nil {
		t.Fatal(err)
	}
	updated, err := c.UpdatePowerpack(ctx, got.UUID, powerpack.UpdateParams{
		Name:         powerpack.String("your_powerpack_name"),
		StickySender: powerpack.Bool(false),
		Application:  powerpack.XMLApplication("20342783288007824"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "your_powerpack_name" || updated.StickySender == nil || *updated.StickySender {
		t.Fatalf("%+v", updated)
	}
	if updated.CreatedOn.IsZero() || updated.CreatedOn.Location() != time.UTC || time.Since(updated.CreatedOn) > time.Hour {
		t.Fatalf("created_on %v", updated.CreatedOn)
	}
	journal := sb.journal(t)
	if len(journal) != 2 {
		t.Fatalf("%d requests: %+v", len(journal), journal)
	}
	get, update := journal[0], journal[1]
	if get.Method != "GET" || get.Path != powerpackPath(created.UUID) || get.Body != "" {
		t.Fatalf("get %+v", get)
	}
	want := `{"application_id":"20342783288007824","application_type":"xml","name":"your_powerpack_name","sticky_sender":false}`
	if update.Method != "POST" || update.Path != powerpackPath(created.UUID) || update.Body != want {
		t.Fatalf("update %s %s %s", update.Method, update.Path, update.Body)
	}
	if update.header("content-type") != "application/json" || update.header("authorization") != "Basic "+authID+":***" {
		t.Fatalf("headers %v", update.Headers)
	}
	if ua := update.header("user-agent"); !strings.HasPrefix(ua, "plivo-powerpack/") || !strings.Contains(ua, " go/go1.") {
		t.Fatalf("user-agent %q", ua)
	}

	// The .NET form: update by uuid, both booleans false, detach.
	sb.admin(t, "DELETE", "journal", nil)
	if _, err := c.UpdatePowerpack(ctx, created.UUID, powerpack.UpdateParams{
		StickySender: powerpack.Bool(false), LocalConnect: powerpack.Bool(false), Application: powerpack.DetachApplication(),
	}); err != nil {
		t.Fatal(err)
	}
	if body := sb.journal(t)[0].Body; body != `{"application_id":"none","local_connect":false,"sticky_sender":false}` {
		t.Fatalf("body %s", body)
	}
}

func TestCreateListAndDelete(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	c := newClient(t, powerpack.Options{})
	for i := 0; i < 23; i++ {
		if _, err := c.CreatePowerpack(ctx, powerpack.CreateParams{Name: fmt.Sprintf("pp-%02d", i), LocalConnect: powerpack.Bool(false)}); err != nil {
			t.Fatal(err)
		}
	}
	page, err := c.ListPowerpacks(ctx, powerpack.Page{Limit: 5, Offset: 20})
	if err != nil || page.Meta.TotalCount != 23 || len(page.Powerpacks) != 3 || page.Meta.Limit != 5 {
		t.Fatalf("%+v %v", page, err)
	}
	all, err := c.ListAllPowerpacks(ctx)
	if err != nil || len(all) != 23 {
		t.Fatalf("%d %v", len(all), err)
	}
	sb.admin(t, "DELETE", "journal", nil)
	result, err := c.DeletePowerpack(ctx, all[0].UUID, powerpack.DeleteOptions{})
	if err != nil || result.Response != "success" {
		t.Fatalf("%+v %v", result, err)
	}
	if e := sb.journal(t)[0]; e.Method != "DELETE" || e.Body != `{"unrent_numbers":false}` {
		t.Fatalf("%+v", e)
	}
}

func TestValidationFailsBeforeAnyIO(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	c := newClient(t, powerpack.Options{})
	pool := c.NumberPool("ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f")
	cases := []struct {
		field string
		call  func() error
	}{
		{"uuid", func() error { _, err := c.GetPowerpack(ctx, "a/b"); return err }},
		{"update", func() error { _, err := c.UpdatePowerpack(ctx, "u", powerpack.UpdateParams{}); return err }},
		{"name", func() error {
			_, err := c.UpdatePowerpack(ctx, "u", powerpack.UpdateParams{Name: powerpack.String(" ")})
			return err
		}},
		{"application.phlo_id", func() error {
			_, err := c.UpdatePowerpack(ctx, "u", powerpack.UpdateParams{Application: powerpack.PHLOApplication("x")})
			return err
		}},
		{"limit", func() error { _, err := c.ListPowerpacks(ctx, powerpack.Page{Limit: 21}); return err }},
		// Refused by the JSON's type (a u32): the key is named, not the value.
		{"limit", func() error { _, err := c.ListPowerpacks(ctx, powerpack.Page{Limit: -1}); return err }},
		{"offset", func() error { _, err := c.ListPowerpacks(ctx, powerpack.Page{Offset: -5}); return err }},
		{"pool_uuid", func() error { _, err := c.NumberPool("nope").GetNumber(ctx, "14155550100"); return err }},
		{"number", func() error { _, err := pool.AddNumber(ctx, "+14155550100", powerpack.AddOptions{}); return err }},
		{"starts_with", func() error {
			_, err := pool.ListNumbers(ctx, powerpack.NumberFilter{StartsWith: []string{"1415"}}, powerpack.Page{})
			return err
		}},
	}
	for _, tc := range cases {
		err := tc.call()
		e := apiError(t, err)
		if e.Kind != powerpack.KindValidation || e.Field != tc.field || !errors.Is(err, powerpack.ErrValidation) {
			t.Errorf("%s: %+v", tc.field, e)
		}
	}
	if _, err := powerpack.NewClient("MA123", "t", powerpack.Options{}); apiError(t, err).Field != "auth_id" {
		t.Errorf("auth_id: %v", err)
	}
	if _, err := powerpack.NewClient(authID, token, powerpack.Options{BaseURL: "http://example.com"}); apiError(t, err).Field != "base_url" {
		t.Errorf("base_url: %v", err)
	}
	if n := len(sb.journal(t)); n != 0 {
		t.Fatalf("%d requests were sent", n)
	}
}

func TestEveryErrorKindFromTheSandbox(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	c := newClient(t, powerpack.Options{})
	path := powerpackPath("x")
	get := func() error { _, err := c.GetPowerpack(ctx, "x"); return err }

	wrong := newClient(t, powerpack.Options{})
	wrongToken, _ := powerpack.NewClient(authID, "wrong-go-token", powerpack.Options{BaseURL: sb.URL})
	defer wrongToken.Close()
	_ = wrong
	_, err := wrongToken.ListPowerpacks(ctx, powerpack.Page{})
	if e := apiError(t, err); e.Kind != powerpack.KindAuthentication || e.Status != 401 || !errors.Is(err, powerpack.ErrAuthentication) {
		t.Errorf("401: %+v", e)
	}

	type check struct {
		name     string
		setup    func()
		kind     powerpack.ErrorKind
		sentinel error
		status   int
		attempts int
	}
	checks := []check{
		{"403", func() { sb.fault(t, "status", "GET", path, 1, map[string]any{"status": 403}) }, powerpack.KindForbidden, powerpack.ErrForbidden, 403, 1},
		{"404", func() {}, powerpack.KindNotFound, powerpack.ErrNotFound, 404, 1},
		{"400", func() { sb.fault(t, "status", "GET", path, 1, map[string]any{"status": 400, "message": "bad thing"}) }, powerpack.KindInvalidRequest, powerpack.ErrInvalidRequest, 400, 1},
		{"503x3", func() { sb.fault(t, "status", "GET", path, 3, map[string]any{"status": 503}) }, powerpack.KindServer, powerpack.ErrServer, 503, 3},
		{"500", func() { sb.fault(t, "status", "GET", path, 1, map[string]any{"status": 500}) }, powerpack.KindServer, powerpack.ErrServer, 500, 1},
		{"html502", func() { sb.fault(t, "html502", "GET", path, 3, nil) }, powerpack.KindServer, powerpack.ErrServer, 502, 3},
		{"malformed", func() { sb.fault(t, "malformed_json", "GET", path, 1, nil) }, powerpack.KindDecode, powerpack.ErrDecode, 0, 1},
		{"reset", func() { sb.fault(t, "reset", "GET", path, 3, nil) }, powerpack.KindNetwork, powerpack.ErrNetwork, 0, 3},
	}
	for _, ck := range checks {
		sb.admin(t, "DELETE", "journal", nil)
		ck.setup()
		err := get()
		e := apiError(t, err)
		if e.Kind != ck.kind || e.Status != ck.status || !errors.Is(err, ck.sentinel) {
			t.Errorf("%s: %+v", ck.name, e)
		}
		if n := len(sb.journal(t)); n != ck.attempts {
			t.Errorf("%s: %d attempts, want %d", ck.name, n, ck.attempts)
		}
	}

	// 400's reason and api_id come through.
	sb.fault(t, "status", "GET", path, 1, map[string]any{"status": 400, "message": "bad thing"})
	if e := apiError(t, get()); e.Reason != "bad thing" || e.APIID == "" || !strings.Contains(e.BodyExcerpt, "bad thing") {
		t.Errorf("400 fields: %+v", e)
	}

	// 429 with Retry-After, then success: waited and retried.
	sb.admin(t, "DELETE", "journal", nil)
	created, err := c.CreatePowerpack(ctx, powerpack.CreateParams{Name: "rl"})
	if err != nil {
		t.Fatal(err)
	}
	sb.fault(t, "status", "GET", powerpackPath(created.UUID), 1, map[string]any{"status": 429, "retry_after_secs": 1})
	started := time.Now()
	if _, err := c.GetPowerpack(ctx, created.UUID); err != nil {
		t.Fatalf("429 then 200: %v", err)
	}
	if waited := time.Since(started); waited < 900*time.Millisecond {
		t.Errorf("Retry-After not honoured: %v", waited)
	}
	// 429 past the deadline: RateLimited at once, with RetryAfter.
	sb.fault(t, "status", "GET", path, 3, map[string]any{"status": 429, "retry_after_secs": 120})
	err = get()
	if e := apiError(t, err); e.Kind != powerpack.KindRateLimited || e.RetryAfter != 120*time.Second || !errors.Is(err, powerpack.ErrRateLimited) {
		t.Errorf("429: %+v", e)
	}
	sb.admin(t, "DELETE", "faults", nil)

	// The auth token, echoed by the server in the clear and as the Authorization header, is masked.
	sb.fault(t, "echo_credentials", "GET", path, 1, nil)
	err = get()
	header := base64.StdEncoding.EncodeToString([]byte(authID + ":" + token))
	text := fmt.Sprintf("%v %+v %#v", err, err, apiError(t, err))
	if strings.Contains(text, token) || strings.Contains(text, header) {
		t.Errorf("token leaked: %s", text)
	}
	if e := apiError(t, err); e.Reason != "bad credentials "+authID+":*** (Authorization: Basic ***)" {
		t.Errorf("echo: %q", e.Reason)
	}
}

func TestAContextDeadlineStopsAHungCall(t *testing.T) {
	sb.reset(t)
	c := newClient(t, powerpack.Options{})
	sb.fault(t, "hang", "GET", powerpackPath("hung"), 3, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	started := time.Now()
	_, err := c.GetPowerpack(ctx, "hung")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v", err)
	}
	if elapsed := time.Since(started); elapsed > 5*time.Second {
		t.Fatalf("returned after %v", elapsed)
	}
	// The call stopped: one attempt reached the server and no retry followed the cancel.
	time.Sleep(200 * time.Millisecond)
	if n := len(sb.journal(t)); n != 1 {
		t.Fatalf("%d attempts", n)
	}
}

// waitForRequests waits (2 s at most) until the sandbox's journal holds n requests.
func waitForRequests(t *testing.T, n int) {
	t.Helper()
	for i := 0; len(sb.journal(t)) < n; i++ {
		if i > 400 {
			t.Fatalf("%d requests never reached the sandbox", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestCancellingAContextStopsTheCallInFlight(t *testing.T) {
	sb.reset(t)
	c := newClient(t, powerpack.Options{})
	sb.fault(t, "hang", "GET", powerpackPath("hung"), 3, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := c.GetPowerpack(ctx, "hung"); done <- err }()
	waitForRequests(t, 1)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("%v", err)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(sb.journal(t)); n != 1 {
		t.Fatalf("%d attempts after the cancel", n)
	}
	// An already-cancelled context sends nothing.
	sb.admin(t, "DELETE", "journal", nil)
	if _, err := c.GetPowerpack(ctx, "x"); !errors.Is(err, context.Canceled) {
		t.Fatalf("%v", err)
	}
	if n := len(sb.journal(t)); n != 0 {
		t.Fatalf("%d requests", n)
	}
}

// A call alone in flight waits on its own thread, a second one meanwhile through the async entry:
// each is cancelled by its own context, and only it.
func TestCancellingOneOfTwoCallsInFlight(t *testing.T) {
	sb.reset(t)
	c := newClient(t, powerpack.Options{})
	sb.fault(t, "hang", "GET", powerpackPath("hung"), 3, nil)
	start := func(ctx context.Context) chan error {
		done := make(chan error, 1)
		go func() { _, err := c.GetPowerpack(ctx, "hung"); done <- err }()
		return done
	}
	first, cancelFirst := context.WithCancel(context.Background())
	defer cancelFirst()
	firstDone := start(first)
	waitForRequests(t, 1)
	second, cancelSecond := context.WithCancel(context.Background())
	defer cancelSecond()
	secondDone := start(second)
	waitForRequests(t, 2)

	cancelSecond()
	if err := <-secondDone; !errors.Is(err, context.Canceled) {
		t.Fatalf("second: %v", err)
	}
	select {
	case err := <-firstDone:
		t.Fatalf("the first call ended with the second: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	cancelFirst()
	if err := <-firstDone; !errors.Is(err, context.Canceled) {
		t.Fatalf("first: %v", err)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(sb.journal(t)); n != 2 {
		t.Fatalf("%d attempts after the cancels", n)
	}
}

func TestTwoHundredGoroutinesShareOneClient(t *testing.T) {
	updateFromGoroutines(t, 200, nil)
}

// 600 answers landing within about one window (the sandbox holds every request 100 ms), more
// than the poller takes in one crossing (completions.go): each reaches the goroutine that asked.
func TestSixHundredAnswersLandingTogetherEachReachTheirCaller(t *testing.T) {
	updateFromGoroutines(t, 600, func(uuid string) {
		sb.fault(t, "latency", "POST", powerpackPath(uuid), 600, map[string]any{"ms": 100})
	})
}

// updateFromGoroutines renames one Powerpack from n goroutines sharing one client, after
// beforeUpdates (if any), and checks each got its own answer and each name was sent.
func updateFromGoroutines(t *testing.T, n int, beforeUpdates func(uuid string)) {
	sb.reset(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := newClient(t, powerpack.Options{})
	created, err := c.CreatePowerpack(ctx, powerpack.CreateParams{Name: "shared"})
	if err != nil {
		t.Fatal(err)
	}
	if beforeUpdates != nil {
		beforeUpdates(created.UUID)
	}
	sb.admin(t, "DELETE", "journal", nil)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name := fmt.Sprintf("g-%03d", i)
			p, err := c.UpdatePowerpack(ctx, created.UUID, powerpack.UpdateParams{Name: powerpack.String(name)})
			if err == nil && p.Name != name {
				err = fmt.Errorf("%s answered %s", name, p.Name)
			}
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	bodies := map[string]bool{}
	for _, e := range sb.journal(t) {
		bodies[e.Body] = true
	}
	for i := 0; i < n; i++ {
		if !bodies[fmt.Sprintf(`{"name":"g-%03d"}`, i)] {
			t.Fatalf("no request carried g-%03d", i)
		}
	}
}

func TestTheNumberPool(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	c := newClient(t, powerpack.Options{})
	created, err := c.CreatePowerpack(ctx, powerpack.CreateParams{Name: "pool"})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := c.NumberPoolOf(created)
	if err != nil || pool.UUID() != created.NumberPoolUUID {
		t.Fatalf("%v", err)
	}
	if _, err := c.NumberPoolOf(&powerpack.Powerpack{}); apiError(t, err).Field != "powerpack.number_pool" {
		t.Fatal(err)
	}
	sb.admin(t, "DELETE", "journal", nil)
	added, err := pool.AddNumber(ctx, "14155550100", powerpack.AddOptions{Service: "sms"})
	if err != nil || added.Number != "14155550100" || added.NumberPoolUUID != pool.UUID() || added.AddedOn.IsZero() {
		t.Fatalf("%+v %v", added, err)
	}
	if _, err := pool.AddNumber(ctx, "447700900123", powerpack.AddOptions{}); err != nil {
		t.Fatal(err)
	}
	page, err := pool.ListNumbers(ctx, powerpack.NumberFilter{CountryISO2: "US", StartsWith: []string{"1415"}}, powerpack.Page{Limit: 5})
	if err != nil || len(page.Numbers) != 1 || page.Numbers[0].CountryISO2 != "US" {
		t.Fatalf("%+v %v", page, err)
	}
	all, err := pool.ListAllNumbers(ctx, powerpack.NumberFilter{})
	if err != nil || len(all) != 2 {
		t.Fatalf("%d %v", len(all), err)
	}
	if _, err := pool.GetNumber(ctx, "14155550100"); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.AddTollfree(ctx, "18005550100"); err != nil {
		t.Fatal(err)
	}
	tollfree, err := pool.ListAllTollfree(ctx)
	if err != nil || len(tollfree) != 1 {
		t.Fatalf("%v %v", tollfree, err)
	}
	if _, err := pool.RemoveNumber(ctx, "14155550100", false); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.GetNumber(ctx, "14155550100"); !errors.Is(err, powerpack.ErrNotFound) {
		t.Fatalf("%v", err)
	}
	shortcodes, err := pool.ListAllShortcodes(ctx)
	if err != nil || len(shortcodes) != 0 {
		t.Fatalf("%v %v", shortcodes, err)
	}
	want := []struct{ method, suffix, query, body string }{
		{"POST", "/Number/14155550100/", "", `{"rent":false,"service":"sms"}`},
		{"POST", "/Number/447700900123/", "", `{"rent":false}`},
		{"GET", "/Number/", "starts_with=1415&country_iso2=US&limit=5&offset=0", ""},
		{"GET", "/Number/", "limit=20&offset=0", ""},
		{"GET", "/Number/14155550100/", "", ""},
		{"POST", "/Tollfree/18005550100/", "", ""},
		{"GET", "/Tollfree/", "limit=20&offset=0", ""},
		{"DELETE", "/Number/14155550100/", "", `{"unrent":false}`},
	}
	journal := sb.journal(t)
	for i, w := range want {
		e := journal[i]
		query := ""
		if e.Query != nil {
			query = *e.Query
		}
		prefix := "/v1/Account/" + authID + "/NumberPool/" + pool.UUID()
		if e.Method != w.method || e.Path != prefix+w.suffix || query != w.query || e.Body != w.body {
			t.Errorf("request %d: %s %s ?%s %s", i, e.Method, e.Path, query, e.Body)
		}
	}
}

func TestTLSWithACustomCA(t *testing.T) {
	dir := t.TempDir()
	caFile := dir + "/ca.pem"
	tls, err := startSandbox("--tls", "--tls-ca-out", caFile)
	if err != nil {
		t.Fatal(err)
	}
	defer tls.stop()
	ca, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	trusted := newClient(t, powerpack.Options{BaseURL: tls.URL, RootCertificatesPEM: []string{string(ca)}})
	if _, err := trusted.ListPowerpacks(ctx, powerpack.Page{}); err != nil {
		t.Fatalf("with the CA: %v", err)
	}
	untrusted := newClient(t, powerpack.Options{BaseURL: tls.URL})
	_, err = untrusted.ListPowerpacks(ctx, powerpack.Page{})
	if e := apiError(t, err); e.Kind != powerpack.KindTLS || !errors.Is(err, powerpack.ErrTLS) {
		t.Fatalf("without the CA: %+v", e)
	}
	if _, err := powerpack.NewClient(authID, token, powerpack.Options{BaseURL: tls.URL, RootCertificatesPEM: []string{"nope"}}); apiError(t, err).Field != "root_certificates_pem[0]" {
		t.Fatalf("bad PEM: %v", err)
	}
}

func TestTheClientNeverPrintsTheToken(t *testing.T) {
	secret := "tok-go-very-secret"
	c, err := powerpack.NewClient(authID, secret, powerpack.Options{BaseURL: sb.URL})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	text := fmt.Sprintf("%v %+v %#v %s", c, c, c, c)
	if strings.Contains(text, secret) || !strings.Contains(text, authID) || !strings.Contains(text, "***") {
		t.Fatalf("%s", text)
	}
	c.Close() // twice is fine
}

func TestFromEnv(t *testing.T) {
	c, err := powerpack.FromEnv(powerpack.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.ListPowerpacks(context.Background(), powerpack.Page{Limit: 1}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PLIVO_AUTH_TOKEN", "")
	if _, err := powerpack.FromEnv(powerpack.Options{}); apiError(t, err).Field != "PLIVO_AUTH_TOKEN" {
		t.Fatalf("%v", err)
	}
}

// Close races calls in flight, many times over: every call either completes or returns
// ErrClosed, never touches a freed client (go test -race, and the C ABI under it), and Close
// returns only once the calls it waited for are done.
func TestCloseWhileCallsAreInFlight(t *testing.T) {
	sb.reset(t)
	ctx := context.Background()
	completed, refused := 0, 0
	var mu sync.Mutex
	for round := 0; round < 200; round++ {
		c, err := powerpack.NewClient(authID, token, powerpack.Options{BaseURL: sb.URL})
		if err != nil {
			t.Fatal(err)
		}
		firstDone := make(chan struct{})
		var once sync.Once
		var wg sync.WaitGroup
		for g := 0; g < 10; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := c.ListPowerpacks(ctx, powerpack.Page{Limit: 1})
				once.Do(func() { close(firstDone) })
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					completed++
				case errors.Is(err, powerpack.ErrClosed):
					refused++
				default:
					t.Errorf("round %d: %v", round, err)
				}
			}()
		}
		<-firstDone
		c.Close()
		c.Close() // a second Close is a no-op
		if _, err := c.GetPowerpack(ctx, "u"); !errors.Is(err, powerpack.ErrClosed) {
			t.Fatalf("a call after Close: %v", err)
		}
		wg.Wait()
	}
	if completed+refused != 2000 || completed < 200 {
		t.Fatalf("%d completed, %d refused", completed, refused)
	}
	t.Logf("%d calls completed, %d refused after Close", completed, refused)
}
