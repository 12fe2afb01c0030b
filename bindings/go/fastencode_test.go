package powerpack

import (
	"bytes"
	"encoding/json"
	"testing"
)

func updateCases() map[string]updateArgs {
	priorities := []NumberPriority{
		{CountryISO: "US", ServiceType: "SMS", Priority: Priority{"shortcode", "tollfree", "longcode"}},
		{CountryISO: "CA", ServiceType: "MMS", Priority: Priority{"longcode", "shortcode", "tollfree"}},
	}
	return map[string]updateArgs{
		"one flag":                {"u-1", UpdateParams{StickySender: Bool(false)}},
		"every field":             {"u-2", UpdateParams{Name: String("Café ☕ 𝄞"), StickySender: Bool(true), LocalConnect: Bool(false), Application: XMLApplication("12345"), NumberPriority: priorities}},
		"a detach":                {"u-3", UpdateParams{Application: DetachApplication()}},
		"priorities cleared":      {"u-4", UpdateParams{NumberPriority: []NumberPriority{}}},
		"nothing (the core says)": {"", UpdateParams{}},
	}
}

// The hand-written update arguments are encoding/json's, byte for byte.
func TestUpdateArgsWrittenAsEncodingJSONWrites(t *testing.T) {
	for name, args := range updateCases() {
		t.Run(name, func(t *testing.T) {
			fast, ok := args.appendJSON(nil)
			if !ok {
				t.Fatalf("the hand-written path refused %+v", args)
			}
			want, _ := json.Marshal(args)
			if !bytes.Equal(fast, want) {
				t.Fatalf("hand-written %s\nencoding/json %s", fast, want)
			}
		})
	}
}

// A string encoding/json would escape sends the update through encoding/json.
func TestUpdateArgsWithEscapesGoThroughEncodingJSON(t *testing.T) {
	for _, name := range []string{`say "hi"`, `back\slash`, "tab\there", "<b>&</b>", "line\u2028separator", "\xffbad", "nul\x00"} {
		args := updateArgs{"u", UpdateParams{Name: String(name)}}
		if _, ok := args.appendJSON(nil); ok {
			t.Fatalf("the hand-written path took %q", name)
		}
		got, err := encodeArgs(args)
		want, _ := json.Marshal(args)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("encodeArgs %s (%v), encoding/json %s", got, err, want)
		}
	}
	priorities := []NumberPriority{{CountryISO: "U\"S", ServiceType: "SMS", Priority: Priority{"a", "b", "c"}}}
	if _, ok := (updateArgs{"u", UpdateParams{NumberPriority: priorities}}).appendJSON(nil); ok {
		t.Fatal("the hand-written path took a quote inside a number priority")
	}
}

// Whatever the strings, the hand-written path refuses them or writes what encoding/json writes.
func FuzzUpdateArgs(f *testing.F) {
	f.Add("u-1", "name", "12345", "US", true)
	f.Add("ü", "é☕\u2027", "", "C\x7fA", false)
	f.Fuzz(func(t *testing.T, uuid, name, appID, country string, flag bool) {
		args := updateArgs{uuid, UpdateParams{Name: &name, StickySender: &flag, Application: XMLApplication(appID),
			NumberPriority: []NumberPriority{{CountryISO: country, ServiceType: "SMS", Priority: Priority{name, appID, uuid}}}}}
		fast, ok := args.appendJSON(nil)
		if !ok {
			return
		}
		want, err := json.Marshal(args)
		if err != nil || !bytes.Equal(fast, want) {
			t.Fatalf("hand-written %s\nencoding/json %s (%v)", fast, want, err)
		}
	})
}
