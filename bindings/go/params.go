package powerpack

// Bool returns a pointer to b: UpdateParams{StickySender: powerpack.Bool(false)} sends false.
func Bool(b bool) *bool { return &b }

// String returns a pointer to s.
func String(s string) *string { return &s }

// Application is the application a Powerpack's numbers are attached to: XMLApplication,
// PHLOApplication or DetachApplication.
type Application struct {
	Type string `json:"type"`
	ID   string `json:"id,omitempty"`
}

// XMLApplication attaches an XML application by its id (digits).
func XMLApplication(appID string) *Application { return &Application{Type: "xml", ID: appID} }

// PHLOApplication attaches a PHLO by its id (a UUID).
func PHLOApplication(phloID string) *Application { return &Application{Type: "phlo", ID: phloID} }

// DetachApplication detaches whatever application is attached (sends application_id "none").
func DetachApplication() *Application { return &Application{Type: "detach"} }

// Priority ranks the three number types: "shortcode", "tollfree", "longcode", all different.
type Priority struct {
	Priority1 string `json:"priority1"`
	Priority2 string `json:"priority2"`
	Priority3 string `json:"priority3"`
}

// NumberPriority is the sender-number priority of one country and service ("SMS" or "MMS").
type NumberPriority struct {
	CountryISO  string   `json:"country_iso"`
	ServiceType string   `json:"service_type"`
	Priority    Priority `json:"priority"`
}

// UpdateParams are the changes of an update; nil fields are left as they are and not sent.
type UpdateParams struct {
	Name           *string          `json:"name,omitempty"`
	StickySender   *bool            `json:"sticky_sender,omitempty"`
	LocalConnect   *bool            `json:"local_connect,omitempty"`
	Application    *Application     `json:"application,omitempty"`
	NumberPriority []NumberPriority `json:"number_priority"` // nil: not sent; empty: clears them
}

// CreateParams are a new Powerpack: Name is required.
type CreateParams struct {
	Name           string           `json:"name"`
	StickySender   *bool            `json:"sticky_sender,omitempty"`
	LocalConnect   *bool            `json:"local_connect,omitempty"`
	Application    *Application     `json:"application,omitempty"`
	NumberPriority []NumberPriority `json:"number_priority"` // nil: not sent; empty: clears them
}

// Page selects one page of a list: Limit 1..20 (0 means 20), Offset from 0.
type Page struct {
	Limit  int
	Offset int
}

func (p Page) args(base map[string]any) map[string]any {
	if base == nil {
		base = map[string]any{}
	}
	if p.Limit != 0 {
		base["limit"] = p.Limit
	}
	if p.Offset != 0 {
		base["offset"] = p.Offset
	}
	return base
}

// DeleteOptions: UnrentNumbers also releases the Powerpack's numbers from the account.
type DeleteOptions struct {
	UnrentNumbers bool
}

// NumberFilter selects pool numbers; every field is optional.
type NumberFilter struct {
	// StartsWith are number prefixes (digits), at most 10; they need CountryISO2.
	StartsWith  []string `json:"starts_with,omitempty"`
	CountryISO2 string   `json:"country_iso2,omitempty"`
	// NumberType is "fixed", "mobile" or "tollfree".
	NumberType string `json:"number_type,omitempty"`
	// Service is "sms" or "mms".
	Service string `json:"service,omitempty"`
}
