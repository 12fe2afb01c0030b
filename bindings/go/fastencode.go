package powerpack

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// encodeArgs writes a call's JSON arguments. An update's are written by hand, byte for byte what
// encoding/json writes (fastencode_test.go checks it), since its reflection is most of what the Go
// side spends on arguments; a string encoding/json would escape sends the whole update through
// encoding/json instead. Every other call's arguments go through encoding/json.
func encodeArgs(args any) ([]byte, error) {
	if update, ok := args.(updateArgs); ok {
		if text, ok := update.appendJSON(make([]byte, 0, 160)); ok {
			return text, nil
		}
	}
	return json.Marshal(args)
}

func (a updateArgs) appendJSON(b []byte) ([]byte, bool) {
	w := writer{b: append(b, `{"uuid":`...), ok: true}
	w.plain(a.UUID)
	w.raw(`,"changes":{`)
	p, first := a.Changes, true
	if p.Name != nil {
		w.key(&first, "name")
		w.plain(*p.Name)
	}
	if p.StickySender != nil {
		w.key(&first, "sticky_sender")
		w.b = strconv.AppendBool(w.b, *p.StickySender)
	}
	if p.LocalConnect != nil {
		w.key(&first, "local_connect")
		w.b = strconv.AppendBool(w.b, *p.LocalConnect)
	}
	if p.Application != nil {
		w.key(&first, "application")
		w.raw(`{"type":`)
		w.plain(p.Application.Type)
		if p.Application.ID != "" {
			w.raw(`,"id":`)
			w.plain(p.Application.ID)
		}
		w.raw(`}`)
	}
	w.key(&first, "number_priority")
	w.numberPriorities(p.NumberPriority)
	w.raw(`}}`)
	return w.b, w.ok
}

// writer appends compact JSON; ok turns false at the first string it will not write plainly.
type writer struct {
	b  []byte
	ok bool
}

func (w *writer) raw(s string) { w.b = append(w.b, s...) }

func (w *writer) key(first *bool, name string) {
	if !*first {
		w.b = append(w.b, ',')
	}
	*first = false
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

// plain writes s quoted if encoding/json would write it with no escape: valid UTF-8 with no
// quote, backslash, control character, <, >, & (escaped for HTML), U+2028 or U+2029.
func (w *writer) plain(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
			c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			w.ok = false
			return
		}
	}
	if !utf8.ValidString(s) {
		w.ok = false
		return
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

func (w *writer) numberPriorities(list []NumberPriority) {
	if list == nil {
		w.raw("null")
		return
	}
	w.raw("[")
	for i, n := range list {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"country_iso":`)
		w.plain(n.CountryISO)
		w.raw(`,"service_type":`)
		w.plain(n.ServiceType)
		w.raw(`,"priority":{"priority1":`)
		w.plain(n.Priority.Priority1)
		w.raw(`,"priority2":`)
		w.plain(n.Priority.Priority2)
		w.raw(`,"priority3":`)
		w.plain(n.Priority.Priority3)
		w.raw(`}}`)
	}
	w.raw("]")
}
