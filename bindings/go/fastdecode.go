package powerpack

import (
	"time"
	"unicode/utf8"
)

// decodePowerpackAnswer reads the answer of a call that returns one Powerpack (get, create,
// update) without encoding/json's reflection, which costs more than the rest of the Go side of a
// call: it takes only the form the core writes (serde_json: compact, escapes only where JSON needs
// them) and reports false for anything else (an error envelope, whitespace, an escaped string, a
// key Powerpack does not have, a time encoding/json would refuse), which then takes the general
// decode. When it answers true, p holds what encoding/json would have decoded into a zero
// Powerpack: fastdecode_test.go checks that, case by case and under go test -fuzz.
func decodePowerpackAnswer(text string, p *Powerpack) bool {
	const head, tail = `{"ok":true,"result":`, `}`
	if len(text) < len(head)+len(tail) || text[:len(head)] != head || text[len(text)-1:] != tail {
		return false
	}
	r := reader{text: text[:len(text)-1], at: len(head)}
	return r.powerpack(p) && r.at == len(r.text)
}

// reader walks compact JSON; every method reports false at the first thing it does not take.
type reader struct {
	text string
	at   int
}

func (r *reader) next(c byte) bool {
	if r.at < len(r.text) && r.text[r.at] == c {
		r.at++
		return true
	}
	return false
}

func (r *reader) literal(word string) bool {
	if len(r.text)-r.at >= len(word) && r.text[r.at:r.at+len(word)] == word {
		r.at += len(word)
		return true
	}
	return false
}

// str reads a string with no escapes, no control characters and valid UTF-8 (encoding/json would
// replace invalid bytes): the text between its quotes is then the value itself.
func (r *reader) str() (string, bool) {
	if !r.next('"') {
		return "", false
	}
	start := r.at
	for ; r.at < len(r.text); r.at++ {
		switch c := r.text[r.at]; {
		case c == '"':
			s := r.text[start:r.at]
			r.at++
			return s, utf8.ValidString(s)
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// optStr reads a string or null (which leaves *dst as it was, as encoding/json does).
func (r *reader) optStr(dst *string) bool {
	if r.literal("null") {
		return true
	}
	s, ok := r.str()
	*dst = s
	return ok
}

// optBool reads true, false or null (nil).
func (r *reader) optBool(dst **bool) bool {
	switch {
	case r.literal("null"):
		*dst = nil
	case r.literal("true"):
		t := true
		*dst = &t
	case r.literal("false"):
		f := false
		*dst = &f
	default:
		return false
	}
	return true
}

// object reads {"key":value,...}, handing each key to field, which reads the value.
func (r *reader) object(field func(key string) bool) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	for {
		key, ok := r.str()
		if !ok || !r.next(':') || !field(key) {
			return false
		}
		if r.next('}') {
			return true
		}
		if !r.next(',') {
			return false
		}
	}
}

func (r *reader) powerpack(p *Powerpack) bool {
	return r.object(func(key string) bool {
		switch key {
		case "api_id":
			return r.optStr(&p.APIID)
		case "uuid":
			return r.optStr(&p.UUID)
		case "name":
			return r.optStr(&p.Name)
		case "sticky_sender":
			return r.optBool(&p.StickySender)
		case "local_connect":
			return r.optBool(&p.LocalConnect)
		case "application_type":
			return r.optStr(&p.ApplicationType)
		case "application_id":
			return r.optStr(&p.ApplicationID)
		case "number_pool":
			return r.optStr(&p.NumberPool)
		case "number_pool_uuid":
			return r.optStr(&p.NumberPoolUUID)
		case "number_priority":
			return r.numberPriorities(&p.NumberPriority)
		case "created_on":
			return r.time(&p.CreatedOn)
		}
		return false
	})
}

// numberPriorities reads null (nil) or an array of entries ([] is an empty, non-nil slice).
func (r *reader) numberPriorities(dst *[]NumberPriority) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	if !r.next('[') {
		return false
	}
	list := []NumberPriority{}
	for !r.next(']') {
		if len(list) > 0 && !r.next(',') {
			return false
		}
		var entry NumberPriority
		if !r.numberPriority(&entry) {
			return false
		}
		list = append(list, entry)
	}
	*dst = list
	return true
}

func (r *reader) numberPriority(n *NumberPriority) bool {
	return r.object(func(key string) bool {
		switch key {
		case "country_iso":
			return r.optStr(&n.CountryISO)
		case "service_type":
			return r.optStr(&n.ServiceType)
		case "priority":
			if r.literal("null") {
				return true
			}
			return r.object(func(key string) bool {
				switch key {
				case "priority1":
					return r.optStr(&n.Priority.Priority1)
				case "priority2":
					return r.optStr(&n.Priority.Priority2)
				case "priority3":
					return r.optStr(&n.Priority.Priority3)
				}
				return false
			})
		}
		return false
	})
}

// time reads null (the zero time) or an RFC 3339 string, parsed as time.Time's UnmarshalJSON does.
func (r *reader) time(dst *time.Time) bool {
	if r.literal("null") {
		return true
	}
	s, ok := r.str()
	return ok && dst.UnmarshalText([]byte(s)) == nil
}
