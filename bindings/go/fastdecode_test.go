package powerpack

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// referenceDecode is what the general path makes of an answer: encoding/json into a Powerpack.
func referenceDecode(text string) (Powerpack, error) {
	var p Powerpack
	env := envelope{Result: &p}
	if err := json.Unmarshal([]byte(text), &env); err != nil {
		return p, err
	}
	if !env.OK {
		return p, errors.New("an error envelope")
	}
	return p, nil
}

const corePowerpack = `{"api_id":"d667e326-445a-4198-9d84-58a7a0036347","uuid":"4d3f9182-ca46-4db2-b6e5-894e61b942fd",` +
	`"name":"bench-00","sticky_sender":true,"local_connect":false,"application_type":null,"application_id":null,` +
	`"number_pool":"/v1/Account/MA000/NumberPool/e8a8771e-991c-4f95-a864-3dc100bea39f/",` +
	`"number_pool_uuid":"e8a8771e-991c-4f95-a864-3dc100bea39f","number_priority":[],"created_on":"2026-12-02T15:09:01.217391Z"}`

func answer(result string) string { return `{"ok":true,"result":` + result + `}` }

// The core's own form: the fast path takes it, and decodes what encoding/json decodes.
func TestFastDecodeTakesTheCoresAnswers(t *testing.T) {
	cases := map[string]string{
		"an update's answer": answer(corePowerpack),
		"an application and number priorities": answer(`{"api_id":"a","uuid":"u","name":"n","sticky_sender":false,` +
			`"local_connect":true,"application_type":"XML","application_id":"12345","number_pool":"/p/","number_pool_uuid":"q",` +
			`"number_priority":[{"country_iso":"US","service_type":"SMS","priority":{"priority1":"shortcode","priority2":"tollfree","priority3":"longcode"}},` +
			`{"country_iso":"CA","service_type":"MMS","priority":{"priority1":"longcode","priority2":"shortcode","priority3":"tollfree"}}],` +
			`"created_on":"2020-01-02T03:04:05+05:30"}`),
		"nulls everywhere": answer(`{"api_id":null,"uuid":"u","name":null,"sticky_sender":null,"local_connect":null,` +
			`"application_type":null,"application_id":null,"number_pool":null,"number_pool_uuid":null,"number_priority":null,"created_on":null}`),
		"non-ASCII text as UTF-8": answer(`{"uuid":"u","name":"Café ☕ 𝄞 ünïcödé"}`),
		"an empty object":         answer(`{}`),
		"a repeated key":          answer(`{"name":"first","name":"second"}`),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			var fast Powerpack
			if !decodePowerpackAnswer(text, &fast) {
				t.Fatalf("the fast path refused the core's form: %s", text)
			}
			want, err := referenceDecode(text)
			if err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if !reflect.DeepEqual(fast, want) {
				t.Fatalf("fast %+v\nencoding/json %+v", fast, want)
			}
		})
	}
	var p Powerpack
	decodePowerpackAnswer(answer(corePowerpack), &p)
	if p.Name != "bench-00" || p.StickySender == nil || !*p.StickySender || p.LocalConnect == nil || *p.LocalConnect ||
		p.ApplicationType != "" || p.NumberPriority == nil || len(p.NumberPriority) != 0 ||
		p.CreatedOn.Format("2006-01-02T15:04:05.000000Z07:00") != "2026-12-02T15:09:01.217391Z" {
		t.Fatalf("decoded %+v", p)
	}
}

// Anything else is refused by the fast path, and decodeEnvelope then answers what encoding/json
// answers: the same Powerpack, or an error.
func TestFastDecodeLeavesTheRestToEncodingJSON(t *testing.T) {
	cases := map[string]string{
		"an escaped quote":             answer(`{"uuid":"u","name":"say \"hi\""}`),
		"a unicode escape":             answer(`{"uuid":"u","name":"caf\u00e9"}`),
		"whitespace":                   `{"ok":true,"result":{"uuid": "u"}}`,
		"a key Powerpack lacks":        answer(`{"uuid":"u","colour":"blue"}`),
		"a key in another case":        answer(`{"UUID":"u"}`),
		"invalid UTF-8":                answer("{\"uuid\":\"u\",\"name\":\"\xff\"}"),
		"a control character":          answer("{\"uuid\":\"u\",\"name\":\"a\tb\"}"),
		"a time encoding/json refuses": answer(`{"uuid":"u","created_on":"yesterday"}`),
		"a null number priority entry": answer(`{"uuid":"u","number_priority":[null]}`),
		"a number where a bool goes":   answer(`{"uuid":"u","sticky_sender":1}`),
		"a trailing comma":             answer(`{"uuid":"u",}`),
		"text after the envelope":      answer(`{"uuid":"u"}`) + `x`,
		"an error envelope":            `{"ok":false,"error":{"kind":"not_found","message":"no such Powerpack","status":404}}`,
		"ok spelled otherwise":         `{"OK":true,"result":{"uuid":"u"}}`,
		"cut short":                    `{"ok":true,"result":{"uuid":"u"`,
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			var fast Powerpack
			if decodePowerpackAnswer(text, &fast) {
				t.Fatalf("the fast path took %s", text)
			}
			want, wantErr := referenceDecode(text)
			var got Powerpack
			err := decodeEnvelope(text, &got)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("decodeEnvelope error %v, encoding/json error %v", err, wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("decodeEnvelope %+v\nencoding/json %+v", got, want)
			}
		})
	}
}

// A refused fast decode leaves nothing of its partial work behind.
func TestFastDecodeRefusedHalfWayLeavesNoTrace(t *testing.T) {
	text := answer(`{"uuid":"u","name":"kept?","sticky_sender":true,"colour":"blue"}`)
	var p Powerpack
	if err := decodeEnvelope(text, &p); err != nil {
		t.Fatal(err)
	}
	want, _ := referenceDecode(text)
	if !reflect.DeepEqual(p, want) || p.Name != "kept?" {
		t.Fatalf("got %+v, want %+v", p, want)
	}
}

// Whatever the input, the fast path either refuses it or agrees with encoding/json.
func FuzzDecodePowerpackAnswer(f *testing.F) {
	f.Add(answer(corePowerpack))
	f.Add(answer(`{"number_priority":[{"country_iso":"US","service_type":"SMS","priority":{"priority1":"a","priority1":"b"}}]}`))
	f.Add(answer(`{"created_on":"2020-01-02T03:04:05.999999999-07:00"}`))
	f.Add(answer(`{"name":"` + strings.Repeat("é", 40) + `"}`))
	f.Fuzz(func(t *testing.T, text string) {
		var fast Powerpack
		if !decodePowerpackAnswer(text, &fast) {
			return
		}
		want, err := referenceDecode(text)
		if err != nil {
			t.Fatalf("the fast path took what encoding/json refuses (%v): %q", err, text)
		}
		if !reflect.DeepEqual(fast, want) {
			t.Fatalf("%q\nfast %+v\nencoding/json %+v", text, fast, want)
		}
	})
}
