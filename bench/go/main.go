// Benchmark contender: the Go binding (the staged module, linked with the release library).
//
//	powerpack-bench-go <throughput|cold|latency|soak> <base_url> <uuids_file>
//
// Same protocol as every contender (see bench/run.py): one JSON object on stdout. Throughput is
// 2,000 sequential updates, then 2,000 from 64 goroutines, after 100 warm-up updates; latency is
// 2,000 updates from 256 goroutines while the sandbox holds each request for 20 ms, after one
// untimed round of the same. Every call uses context.Background(), as a Go service handling
// requests with its own goroutines would.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	powerpack "github.com/plivo-powerpack/plivo-powerpack/bindings/go"
)

var started = time.Now()

const (
	n                  = 2000
	warmup             = 100
	concurrency        = 64
	latencyConcurrency = 256
	soakN              = 100_000 // the soak: sequential updates while the driver samples memory
)

func main() {
	mode, baseURL, uuidsFile := os.Args[1], os.Args[2], os.Args[3]
	data, err := os.ReadFile(uuidsFile)
	check(err)
	uuids := strings.Fields(string(data))
	client, err := powerpack.NewClient(os.Getenv("PLIVO_AUTH_ID"), os.Getenv("PLIVO_AUTH_TOKEN"), powerpack.Options{BaseURL: baseURL})
	check(err)
	defer client.Close()
	ctx := context.Background()
	update := func(i int) {
		on := i%2 == 0
		p, err := client.UpdatePowerpack(ctx, uuids[i%len(uuids)], powerpack.UpdateParams{StickySender: powerpack.Bool(on)})
		check(err)
		if *p.StickySender != on {
			check(fmt.Errorf("sticky_sender %v, want %v", *p.StickySender, on))
		}
	}
	atConcurrency := func(workers int) float64 {
		var next int64 = -1
		var wg sync.WaitGroup
		t := time.Now()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := atomic.AddInt64(&next, 1); i < n; i = atomic.AddInt64(&next, 1) {
					update(int(i))
				}
			}()
		}
		wg.Wait()
		return time.Since(t).Seconds()
	}
	var result map[string]float64
	switch mode {
	case "cold":
		update(0)
		result = map[string]float64{"first_call_s": time.Since(started).Seconds()}
	case "latency":
		atConcurrency(latencyConcurrency) // the warm-up round
		result = map[string]float64{"latency_s": atConcurrency(latencyConcurrency)}
	case "soak":
		for i := 0; i < soakN; i++ {
			update(i)
		}
		result = map[string]float64{"soak_n": soakN}
	default:
		for i := 0; i < warmup; i++ {
			update(i)
		}
		t := time.Now()
		for i := 0; i < n; i++ {
			update(i)
		}
		seq := time.Since(t).Seconds()
		result = map[string]float64{"seq_s": seq, "conc_s": atConcurrency(concurrency)}
	}
	out, _ := json.Marshal(result)
	fmt.Println(string(out))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
