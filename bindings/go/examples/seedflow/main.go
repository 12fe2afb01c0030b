// The seed's Go flow on plivo-powerpack: get a Powerpack, then update it (false sent as false).
//
//	go run ./examples/seedflow <powerpack_uuid>    (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_BASE_URL)
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	powerpack "github.com/plivo-powerpack/plivo-powerpack/bindings/go"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: seedflow <powerpack_uuid>")
	}
	client, err := powerpack.FromEnv(powerpack.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()

	pp, err := client.GetPowerpack(ctx, os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	updated, err := client.UpdatePowerpack(ctx, pp.UUID, powerpack.UpdateParams{
		Name:         powerpack.String("your_powerpack_name"),
		StickySender: powerpack.Bool(false),
	})
	var apiErr *powerpack.Error
	if errors.As(err, &apiErr) {
		log.Fatalf("%s (HTTP %d, api_id %s): %s", apiErr.Kind, apiErr.Status, apiErr.APIID, apiErr.Reason)
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("go: updated %s: name=%s sticky_sender=%v\n", updated.UUID, updated.Name, *updated.StickySender)
}
