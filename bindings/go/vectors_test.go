package powerpack_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
	"time"

	powerpack "github.com/plivo-powerpack/plivo-powerpack/bindings/go"
)

// The conformance vectors of tests/vectors/ (POWERPACK_VECTORS_DIR) through the package's typed
// API; results are mapped to the neutral form by neutral(), errors by errorFields(). The counts
// go to target/vectors/go.json (POWERPACK_VECTORS_OUT).

// skips lists what Go's API cannot express, and why.
var skips = map[string]string{
	"list: limit 0": "Page{Limit: 0} means the default page size (20) in Go, so a limit of 0 cannot be sent",
}

type vectorFile struct {
	Client struct {
		AuthID    string `json:"auth_id"`
		AuthToken string `json:"auth_token"`
		Retry     struct {
			MaxAttempts int   `json:"max_attempts"`
			BaseDelayMS int64 `json:"base_delay_ms"`
			MaxDelayMS  int64 `json:"max_delay_ms"`
		} `json:"retry"`
	} `json:"client"`
	EveryRequest struct {
		Headers          map[string]string `json:"headers"`
		UserAgentPattern string            `json:"user_agent_pattern"`
		PathPrefix       string            `json:"path_prefix"`
	} `json:"every_request"`
	Vectors []vector `json:"vectors"`
}

type vector struct {
	Name      string                     `json:"name"`
	Operation string                     `json:"operation"`
	Args      map[string]json.RawMessage `json:"args"`
	Answers   []struct {
		Status      int         `json:"status"`
		Headers     [][2]string `json:"headers"`
		Body        string      `json:"body"`
		BodyFixture string      `json:"body_fixture"`
	} `json:"answers"`
	Expect struct {
		Attempts int `json:"attempts"`
		Requests []struct {
			Method  string            `json:"method"`
			Path    string            `json:"path"`
			Query   *string           `json:"query"`
			Body    *string           `json:"body"`
			Headers map[string]string `json:"headers"`
		} `json:"requests"`
		Result json.RawMessage `json:"result"`
		Error  map[string]any  `json:"error"`
	} `json:"expect"`
}

func arg[T any](v vector, key string) T {
	var out T
	if raw, ok := v.Args[key]; ok {
		if err := json.Unmarshal(raw, &out); err != nil {
			panic(fmt.Sprintf("%s: %s: %v", v.Name, key, err))
		}
	}
	return out
}

type neutralApplication struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// changes are create/update fields in the neutral form, as the Go params take them.
type changes struct {
	Name           *string                    `json:"name"`
	StickySender   *bool                      `json:"sticky_sender"`
	LocalConnect   *bool                      `json:"local_connect"`
	Application    *neutralApplication        `json:"application"`
	NumberPriority []powerpack.NumberPriority `json:"number_priority"`
}

func (c changes) application() *powerpack.Application {
	if c.Application == nil {
		return nil
	}
	return &powerpack.Application{Type: c.Application.Type, ID: c.Application.ID}
}

// call runs the vector's operation through the typed API, as a user would write it.
func call(ctx context.Context, c *powerpack.Client, v vector) (any, error) {
	page := powerpack.Page{Limit: arg[int](v, "limit"), Offset: arg[int](v, "offset")}
	pool := c.NumberPool(arg[string](v, "pool_uuid"))
	service := powerpack.AddOptions{Service: arg[string](v, "service")}
	switch v.Operation {
	case "get_powerpack":
		return c.GetPowerpack(ctx, arg[string](v, "uuid"))
	case "create_powerpack":
		p := arg[changes](v, "powerpack")
		return c.CreatePowerpack(ctx, powerpack.CreateParams{Name: *p.Name, StickySender: p.StickySender,
			LocalConnect: p.LocalConnect, Application: p.application(), NumberPriority: p.NumberPriority})
	case "update_powerpack":
		p := arg[changes](v, "changes")
		return c.UpdatePowerpack(ctx, arg[string](v, "uuid"), powerpack.UpdateParams{Name: p.Name,
			StickySender: p.StickySender, LocalConnect: p.LocalConnect, Application: p.application(),
			NumberPriority: p.NumberPriority})
	case "list_powerpacks":
		return c.ListPowerpacks(ctx, page)
	case "list_all_powerpacks":
		return c.ListAllPowerpacks(ctx)
	case "delete_powerpack":
		return c.DeletePowerpack(ctx, arg[string](v, "uuid"), powerpack.DeleteOptions{UnrentNumbers: arg[bool](v, "unrent_numbers")})
	case "list_numbers":
		return pool.ListNumbers(ctx, arg[powerpack.NumberFilter](v, "filter"), page)
	case "list_all_numbers":
		return pool.ListAllNumbers(ctx, arg[powerpack.NumberFilter](v, "filter"))
	case "get_number":
		return pool.GetNumber(ctx, arg[string](v, "number"))
	case "add_number":
		return pool.AddNumber(ctx, arg[string](v, "number"), service)
	case "buy_and_add_number":
		return pool.BuyAndAddNumber(ctx, arg[string](v, "number"), service)
	case "remove_number":
		return pool.RemoveNumber(ctx, arg[string](v, "number"), arg[bool](v, "unrent"))
	case "list_shortcodes":
		return pool.ListShortcodes(ctx, page)
	case "list_all_shortcodes":
		return pool.ListAllShortcodes(ctx)
	case "get_shortcode":
		return pool.GetShortcode(ctx, arg[string](v, "shortcode"))
	case "remove_shortcode":
		return pool.RemoveShortcode(ctx, arg[string](v, "shortcode"))
	case "list_tollfree":
		return pool.ListTollfree(ctx, page)
	case "list_all_tollfree":
		return pool.ListAllTollfree(ctx)
	case "get_tollfree":
		return pool.GetTollfree(ctx, arg[string](v, "number"))
	case "add_tollfree":
		return pool.AddTollfree(ctx, arg[string](v, "number"))
	case "remove_tollfree":
		return pool.RemoveTollfree(ctx, arg[string](v, "number"), arg[bool](v, "unrent"))
	}
	panic("no operation " + v.Operation)
}

// neutral is a Go result in the vectors' neutral form: Go's zero values ("" and the zero time)
// are the neutral null, and times carry six fraction digits.
func neutral(value any) any {
	data, _ := json.Marshal(value)
	var generic any
	json.Unmarshal(data, &generic)
	return normalize(generic, "")
}

func normalize(value any, key string) any {
	switch v := value.(type) {
	case map[string]any:
		for k, item := range v {
			v[k] = normalize(item, k)
		}
		return v
	case []any:
		for i, item := range v {
			v[i] = normalize(item, "")
		}
		return v
	case string:
		if v == "" {
			return nil
		}
		if key == "created_on" || key == "added_on" {
			t, err := time.Parse(time.RFC3339Nano, v)
			if err != nil || t.IsZero() {
				return nil
			}
			return t.UTC().Format("2006-01-02T15:04:05.000000Z")
		}
	}
	return value
}

func errorFields(err error) map[string]any {
	var e *powerpack.Error
	if !errors.As(err, &e) {
		return map[string]any{"kind": "not a *powerpack.Error: " + err.Error()}
	}
	orNil := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	out := map[string]any{"kind": string(e.Kind), "status": nil, "api_id": orNil(e.APIID), "reason": e.Reason,
		"retry_after": nil, "field": orNil(e.Field), "body_excerpt": nil}
	if e.Status != 0 {
		out["status"] = float64(e.Status)
	}
	if e.RetryAfter != 0 {
		out["retry_after"] = e.RetryAfter.Seconds()
	}
	switch e.Kind {
	case powerpack.KindAuthentication, powerpack.KindForbidden, powerpack.KindNotFound, powerpack.KindInvalidRequest,
		powerpack.KindRateLimited, powerpack.KindServer, powerpack.KindDecode:
		out["body_excerpt"] = e.BodyExcerpt
	}
	return out
}

func TestConformanceVectors(t *testing.T) {
	dir := os.Getenv("POWERPACK_VECTORS_DIR")
	if dir == "" {
		t.Fatal("POWERPACK_VECTORS_DIR is not set")
	}
	counts := map[string]any{"language": "go", "passed": 0, "failed": 0, "skipped": 0}
	var skipped []map[string]string
	ctx := context.Background()
	for _, kind := range []string{"requests", "responses", "retries", "validation"} {
		var file vectorFile
		data, err := os.ReadFile(filepath.Join(dir, kind+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatal(err)
		}
		r := file.Client.Retry
		client, err := powerpack.NewClient(file.Client.AuthID, file.Client.AuthToken, powerpack.Options{BaseURL: sb.URL,
			Retry: &powerpack.RetryPolicy{MaxAttempts: r.MaxAttempts, BaseDelay: time.Duration(r.BaseDelayMS) * time.Millisecond,
				MaxDelay: time.Duration(r.MaxDelayMS) * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		ua := regexp.MustCompile(file.EveryRequest.UserAgentPattern)
		for _, v := range file.Vectors {
			if why, ok := skips[v.Name]; ok {
				counts["skipped"] = counts["skipped"].(int) + 1
				skipped = append(skipped, map[string]string{"name": v.Name, "why": why})
				continue
			}
			ok := t.Run(kind+"/"+v.Name, func(t *testing.T) {
				sb.reset(t)
				for _, a := range v.Answers {
					body := a.Body
					if a.BodyFixture != "" {
						fixture, err := os.ReadFile(filepath.Join(dir, "..", "fixtures", "official-sdks", a.BodyFixture))
						if err != nil {
							t.Fatal(err)
						}
						body = string(fixture)
					}
					sb.fault(t, "answer", "", "", 1, map[string]any{"status": a.Status, "headers": a.Headers, "body": body})
				}
				result, err := call(ctx, client, v)
				journal := sb.journal(t)
				if len(journal) != v.Expect.Attempts {
					t.Fatalf("%d requests, expected %d", len(journal), v.Expect.Attempts)
				}
				for i, want := range v.Expect.Requests {
					got := journal[i]
					var body *string
					if got.Body != "" {
						body = &got.Body
					}
					if got.Method != want.Method || got.Path != file.EveryRequest.PathPrefix+want.Path ||
						!reflect.DeepEqual(got.Query, want.Query) || !reflect.DeepEqual(body, want.Body) {
						t.Errorf("request %d: %s %s %v %v", i, got.Method, got.Path, deref(got.Query), deref(body))
					}
					for name, value := range merge(want.Headers, file.EveryRequest.Headers) {
						if got.header(name) != value {
							t.Errorf("request %d: header %s %q, expected %q", i, name, got.header(name), value)
						}
					}
					if !ua.MatchString(got.header("user-agent")) {
						t.Errorf("request %d: user-agent %q", i, got.header("user-agent"))
					}
				}
				if v.Expect.Result != nil {
					if err != nil {
						t.Fatalf("error %v, expected a result", err)
					}
					var want any
					json.Unmarshal(v.Expect.Result, &want)
					if got := neutral(result); !reflect.DeepEqual(got, want) {
						g, _ := json.Marshal(got)
						t.Fatalf("result\n got %s\nwant %s", g, v.Expect.Result)
					}
					return
				}
				if err == nil {
					t.Fatalf("a result, expected the error %v", v.Expect.Error)
				}
				got := errorFields(err)
				for key, want := range v.Expect.Error {
					if !reflect.DeepEqual(got[key], want) {
						t.Errorf("error %s: %#v, expected %#v", key, got[key], want)
					}
				}
			})
			if ok {
				counts["passed"] = counts["passed"].(int) + 1
			} else {
				counts["failed"] = counts["failed"].(int) + 1
			}
		}
		client.Close()
	}
	counts["skips"] = skipped
	if out := os.Getenv("POWERPACK_VECTORS_OUT"); out != "" {
		data, _ := json.Marshal(counts)
		os.MkdirAll(filepath.Dir(out), 0o755)
		os.WriteFile(out, data, 0o644)
	}
	t.Logf("conformance vectors (go): %v passed, %v failed, %v skipped", counts["passed"], counts["failed"], counts["skipped"])
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func merge(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
