package powerpack

import "context"

// NumberPool is a handle on one Powerpack's number pool: its long codes, shortcodes and
// toll-free numbers. It costs nothing and sends nothing until a call; the pool uuid is checked
// by each call, before any I/O.
type NumberPool struct {
	client *Client
	uuid   string
}

// NumberPool is the pool with this uuid (the segment after NumberPool/ in a Powerpack's path).
func (c *Client) NumberPool(poolUUID string) *NumberPool {
	return &NumberPool{client: c, uuid: poolUUID}
}

// NumberPoolOf is the pool of this Powerpack; a KindValidation *Error when it came without one.
func (c *Client) NumberPoolOf(p *Powerpack) (*NumberPool, error) {
	if p == nil || p.NumberPoolUUID == "" {
		return nil, &Error{Kind: KindValidation, Field: "powerpack.number_pool", Reason: "this Powerpack has no number pool path",
			Message: "invalid powerpack.number_pool: this Powerpack has no number pool path"}
	}
	return c.NumberPool(p.NumberPoolUUID), nil
}

// UUID is the pool's uuid.
func (p *NumberPool) UUID() string { return p.uuid }

// AddOptions: Service is "sms" or "mms" (the API's default is sms when empty).
type AddOptions struct {
	Service string
}

func (p *NumberPool) item(key, value string) map[string]any {
	return map[string]any{"pool_uuid": p.uuid, key: value}
}

func (p *NumberPool) number(ctx context.Context, operation string, args map[string]any) (*PoolNumber, error) {
	var out PoolNumber
	return &out, p.client.call(ctx, operation, args, &out)
}

func (p *NumberPool) removal(ctx context.Context, operation string, args map[string]any) (*DeleteResult, error) {
	var out DeleteResult
	return &out, p.client.call(ctx, operation, args, &out)
}

// ListNumbers returns one page of the pool's numbers matching filter.
func (p *NumberPool) ListNumbers(ctx context.Context, filter NumberFilter, page Page) (*PoolNumberPage, error) {
	var out PoolNumberPage
	return &out, p.client.call(ctx, "list_numbers", page.args(map[string]any{"pool_uuid": p.uuid, "filter": filter}), &out)
}

// ListAllNumbers returns every number matching filter, all pages.
func (p *NumberPool) ListAllNumbers(ctx context.Context, filter NumberFilter) ([]PoolNumber, error) {
	var out []PoolNumber
	return out, p.client.call(ctx, "list_all_numbers", map[string]any{"pool_uuid": p.uuid, "filter": filter}, &out)
}

// GetNumber returns one number of the pool (ErrNotFound when it is not in this pool).
func (p *NumberPool) GetNumber(ctx context.Context, number string) (*PoolNumber, error) {
	return p.number(ctx, "get_number", p.item("number", number))
}

// AddNumber adds a number the account already rents. Sends "rent": false: it never buys.
func (p *NumberPool) AddNumber(ctx context.Context, number string, opts AddOptions) (*PoolNumber, error) {
	return p.number(ctx, "add_number", withService(p.item("number", number), opts))
}

// BuyAndAddNumber rents a number for the account and adds it ("rent": true). Costs money: never
// retried once the request may have arrived.
func (p *NumberPool) BuyAndAddNumber(ctx context.Context, number string, opts AddOptions) (*PoolNumber, error) {
	return p.number(ctx, "buy_and_add_number", withService(p.item("number", number), opts))
}

// RemoveNumber takes a number out of the pool; unrent also releases it from the account.
func (p *NumberPool) RemoveNumber(ctx context.Context, number string, unrent bool) (*DeleteResult, error) {
	args := p.item("number", number)
	args["unrent"] = unrent
	return p.removal(ctx, "remove_number", args)
}

// ListShortcodes returns one page of the pool's shortcodes.
func (p *NumberPool) ListShortcodes(ctx context.Context, page Page) (*ShortcodePage, error) {
	var out ShortcodePage
	return &out, p.client.call(ctx, "list_shortcodes", page.args(map[string]any{"pool_uuid": p.uuid}), &out)
}

// ListAllShortcodes returns every shortcode of the pool.
func (p *NumberPool) ListAllShortcodes(ctx context.Context) ([]Shortcode, error) {
	var out []Shortcode
	return out, p.client.call(ctx, "list_all_shortcodes", map[string]any{"pool_uuid": p.uuid}, &out)
}

// GetShortcode returns one shortcode of the pool.
func (p *NumberPool) GetShortcode(ctx context.Context, shortcode string) (*Shortcode, error) {
	var out Shortcode
	return &out, p.client.call(ctx, "get_shortcode", p.item("shortcode", shortcode), &out)
}

// RemoveShortcode takes a shortcode out of the pool.
func (p *NumberPool) RemoveShortcode(ctx context.Context, shortcode string) (*DeleteResult, error) {
	return p.removal(ctx, "remove_shortcode", p.item("shortcode", shortcode))
}

// ListTollfree returns one page of the pool's toll-free numbers.
func (p *NumberPool) ListTollfree(ctx context.Context, page Page) (*PoolNumberPage, error) {
	var out PoolNumberPage
	return &out, p.client.call(ctx, "list_tollfree", page.args(map[string]any{"pool_uuid": p.uuid}), &out)
}

// ListAllTollfree returns every toll-free number of the pool.
func (p *NumberPool) ListAllTollfree(ctx context.Context) ([]PoolNumber, error) {
	var out []PoolNumber
	return out, p.client.call(ctx, "list_all_tollfree", map[string]any{"pool_uuid": p.uuid}, &out)
}

// GetTollfree returns one toll-free number of the pool.
func (p *NumberPool) GetTollfree(ctx context.Context, number string) (*PoolNumber, error) {
	return p.number(ctx, "get_tollfree", p.item("number", number))
}

// AddTollfree adds a toll-free number the account already rents.
func (p *NumberPool) AddTollfree(ctx context.Context, number string) (*PoolNumber, error) {
	return p.number(ctx, "add_tollfree", p.item("number", number))
}

// RemoveTollfree takes a toll-free number out of the pool; unrent also releases it.
func (p *NumberPool) RemoveTollfree(ctx context.Context, number string, unrent bool) (*DeleteResult, error) {
	args := p.item("number", number)
	args["unrent"] = unrent
	return p.removal(ctx, "remove_tollfree", args)
}

func withService(args map[string]any, opts AddOptions) map[string]any {
	if opts.Service != "" {
		args["service"] = opts.Service
	}
	return args
}
