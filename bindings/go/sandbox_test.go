package powerpack_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	authID = "MASANDBOX00000000001"
	token  = "sandbox-auth-token"
)

// sandbox is a powerpack-sandbox process (POWERPACK_SANDBOX_BIN) started for the package's tests.
type sandbox struct {
	cmd *exec.Cmd
	URL string
}

var sb *sandbox

func startSandbox(args ...string) (*sandbox, error) {
	bin := os.Getenv("POWERPACK_SANDBOX_BIN")
	if bin == "" {
		return nil, fmt.Errorf("POWERPACK_SANDBOX_BIN is not set")
	}
	cmd := exec.Command(bin, append([]string{"--port", "0", "--rate-limit", "off"}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return nil, fmt.Errorf("the sandbox printed no URL: %v", err)
	}
	return &sandbox{cmd: cmd, URL: strings.TrimSpace(line)}, nil
}

func (s *sandbox) stop() { s.cmd.Process.Kill(); s.cmd.Wait() }

func TestMain(m *testing.M) {
	seed, _ := filepath.Abs(os.Getenv("POWERPACK_SANDBOX_SEED"))
	args := []string{}
	if os.Getenv("POWERPACK_SANDBOX_SEED") != "" {
		args = append(args, "--seed", seed)
	}
	var err error
	if sb, err = startSandbox(args...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// The examples build their clients from the environment, as a user's program would.
	os.Setenv("PLIVO_AUTH_ID", authID)
	os.Setenv("PLIVO_AUTH_TOKEN", token)
	os.Setenv("PLIVO_BASE_URL", sb.URL)
	code := m.Run()
	sb.stop()
	os.Exit(code)
}

func (s *sandbox) admin(t testing.TB, method, path string, body any) []byte {
	t.Helper()
	var reader io.Reader
	if body != nil {
		payload, _ := json.Marshal(body)
		reader = bytes.NewReader(payload)
	}
	req, _ := http.NewRequest(method, s.URL+"/__admin/"+path, reader)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("admin %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("admin %s %s: %d %s", method, path, resp.StatusCode, data)
	}
	return data
}

// entry is one request in the sandbox's journal.
type entry struct {
	Method  string      `json:"method"`
	Path    string      `json:"path"`
	Query   *string     `json:"query"`
	Headers [][2]string `json:"headers"`
	Body    string      `json:"body"`
	Status  *int        `json:"status"`
	Fault   *string     `json:"fault"`
}

func (e entry) header(name string) string {
	for _, h := range e.Headers {
		if h[0] == name {
			return h[1]
		}
	}
	return ""
}

func (s *sandbox) journal(t testing.TB) []entry {
	var entries []entry
	if err := json.Unmarshal(s.admin(t, "GET", "journal", nil), &entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

func (s *sandbox) reset(t testing.TB) {
	s.admin(t, "POST", "reset", nil)
	s.admin(t, "DELETE", "journal", nil)
	s.admin(t, "DELETE", "faults", nil)
}

func (s *sandbox) fault(t testing.TB, kind, method, path string, count int, fields map[string]any) {
	rule := map[string]any{"kind": kind, "count": count}
	if method != "" {
		rule["method"] = method
	}
	if path != "" {
		rule["path"] = path
	}
	for k, v := range fields {
		rule[k] = v
	}
	s.admin(t, "POST", "faults", rule)
}

func powerpackPath(uuid string) string {
	if uuid == "" {
		return "/v1/Account/" + authID + "/Powerpack/"
	}
	return "/v1/Account/" + authID + "/Powerpack/" + uuid + "/"
}
