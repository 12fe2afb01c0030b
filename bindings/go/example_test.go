package powerpack_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	powerpack "github.com/plivo-powerpack/plivo-powerpack/bindings/go"
)

// The seed's Go flow: get a Powerpack, then update it; false is sent as false. The client comes
// from PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_BASE_URL (here the test's sandbox).
func Example() {
	ctx := context.Background()
	client, err := powerpack.FromEnv(powerpack.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	created, err := client.CreatePowerpack(ctx, powerpack.CreateParams{Name: "example_powerpack"})
	if err != nil {
		log.Fatal(err)
	}
	pp, err := client.GetPowerpack(ctx, created.UUID)
	if err != nil {
		log.Fatal(err)
	}
	updated, err := client.UpdatePowerpack(ctx, pp.UUID, powerpack.UpdateParams{
		Name:         powerpack.String("your_powerpack_name"),
		StickySender: powerpack.Bool(false),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(updated.Name, *updated.StickySender, *updated.LocalConnect)

	_, err = client.GetPowerpack(ctx, "no-such-powerpack")
	var apiErr *powerpack.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Kind, apiErr.Status, errors.Is(err, powerpack.ErrNotFound))
	}
	_, _ = client.DeletePowerpack(ctx, updated.UUID, powerpack.DeleteOptions{})
	// Output:
	// your_powerpack_name false true
	// not_found 404 true
}
