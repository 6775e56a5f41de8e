package httpapi

import (
	"testing"
)

// echo is a tiny service with the argument shapes the real ones use.
type echo struct{}

type echoInput struct {
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
	Nested  struct {
		Values []int `json:"values"`
	} `json:"nested"`
}

func (echo) Struct(in echoInput) (echoInput, error) { return in, nil }
func (echo) Pair(id int64, ok bool) (int64, error)  { return id, nil }
func (echo) Nothing() error                         { return nil }

// FuzzCall feeds arbitrary request bodies to the generic method handler:
// it must answer with a value or an error, never panic.
func FuzzCall(f *testing.F) {
	table, err := newMethodTable([]any{&echo{}})
	if err != nil {
		f.Fatal(err)
	}
	names := table.Names()
	for _, seed := range []string{`[]`, `[{"name":"x","enabled":true,"nested":{"values":[1,2]}}]`, `[1,true]`, `[null]`, `{}`, `[`, ``, `[1e400,false]`, `["\u0000"]`} {
		for i := range names {
			f.Add(i, []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, which int, body []byte) {
		if which < 0 {
			which = -which
		}
		m := table[names[which%len(names)]]
		_, _ = m.call(body)
	})
}

// FuzzParseArgonHash checks that a corrupt stored hash is an error, not a
// panic or an absurd allocation.
func FuzzParseArgonHash(f *testing.F) {
	f.Add(newHasher(fastArgon).Hash("password1234"))
	f.Add("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$a2V5a2V5a2V5")
	f.Add("$argon2id$v=19$m=-1,t=0,p=255$$")
	f.Fuzz(func(t *testing.T, encoded string) {
		p, _, key, err := parseArgonHash(encoded)
		if err != nil {
			return
		}
		if p.memoryKiB > 1<<20 || p.time > 16 || len(key) > 64 {
			t.Fatalf("accepted out-of-range parameters: %+v", p)
		}
	})
}
