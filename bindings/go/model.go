package powerpack

import "time"

// Powerpack is a Powerpack as the API returns it.
type Powerpack struct {
	APIID        string `json:"api_id"`
	UUID         string `json:"uuid"`
	Name         string `json:"name"`
	StickySender *bool  `json:"sticky_sender"`
	LocalConnect *bool  `json:"local_connect"`
	// ApplicationType is "XML" or "PHLO" as the API sends it; empty when none is attached.
	ApplicationType string `json:"application_type"`
	ApplicationID   string `json:"application_id"`
	// NumberPool is the pool's path; NumberPoolUUID its uuid, for NumberPool().
	NumberPool     string           `json:"number_pool"`
	NumberPoolUUID string           `json:"number_pool_uuid"`
	NumberPriority []NumberPriority `json:"number_priority"`
	// CreatedOn is UTC; the zero time when the API sent none.
	CreatedOn time.Time `json:"created_on"`
}

// ListMeta is a list page's paging information.
type ListMeta struct {
	Limit      int    `json:"limit"`
	Offset     int    `json:"offset"`
	TotalCount int    `json:"total_count"`
	Next       string `json:"next"`
	Previous   string `json:"previous"`
}

// PowerpackPage is one page of Powerpacks.
type PowerpackPage struct {
	APIID      string      `json:"api_id"`
	Meta       ListMeta    `json:"meta"`
	Powerpacks []Powerpack `json:"powerpacks"`
}

// DeleteResult is the answer to a delete or a removal.
type DeleteResult struct {
	APIID    string `json:"api_id"`
	Response string `json:"response"`
}

// PoolNumber is a long code or toll-free number in a pool.
type PoolNumber struct {
	APIID  string `json:"api_id"`
	Number string `json:"number"`
	// NumberType is "fixed", "mobile" or "tollfree" (the API's "type").
	NumberType                 string    `json:"type"`
	CountryISO2                string    `json:"country_iso2"`
	Service                    string    `json:"service"`
	NumberPoolUUID             string    `json:"number_pool_uuid"`
	AccountPhoneNumberResource string    `json:"account_phone_number_resource"`
	AddedOn                    time.Time `json:"added_on"`
}

// Shortcode is a shortcode in a pool.
type Shortcode struct {
	APIID          string    `json:"api_id"`
	Shortcode      string    `json:"shortcode"`
	CountryISO2    string    `json:"country_iso2"`
	NumberPoolUUID string    `json:"number_pool_uuid"`
	AddedOn        time.Time `json:"added_on"`
}

// PoolNumberPage is one page of pool (or toll-free) numbers.
type PoolNumberPage struct {
	APIID   string       `json:"api_id"`
	Meta    ListMeta     `json:"meta"`
	Numbers []PoolNumber `json:"numbers"`
}

// ShortcodePage is one page of shortcodes.
type ShortcodePage struct {
	APIID      string      `json:"api_id"`
	Meta       ListMeta    `json:"meta"`
	Shortcodes []Shortcode `json:"shortcodes"`
}
