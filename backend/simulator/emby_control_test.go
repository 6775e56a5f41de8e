package simulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestEmbyControl(t *testing.T) {
	for _, kind := range embyKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind})
			c := httpClient(t, srv)
			x := srv.Play(aliceSpec(movieItem()))
			post := func(path, body string) int {
				req, err := http.NewRequest(http.MethodPost, srv.URL()+path, strings.NewReader(body))
				require.NoError(t, err)
				req.Header = embyHeader(srv)
				req.Header.Set("Content-Type", "application/json")
				resp, err := c.Do(req)
				require.NoError(t, err)
				_ = resp.Body.Close()
				return resp.StatusCode
			}
			id := x.Key()
			tests := []struct {
				name  string
				path  string
				body  string
				want  int
				check func(t *testing.T)
			}{
				{"message", "/Sessions/" + id + "/Message", `{"Header":"Hi","Text":"Stream limit reached","TimeoutMs":5000}`, 204, func(t *testing.T) {
					assert.Equal(t, []Message{{Header: "Hi", Text: "Stream limit reached", TimeoutMs: 5000}}, x.Messages())
				}},
				{"message needs text", "/Sessions/" + id + "/Message", `{"Header":"Hi"}`, 400, nil},
				{"message to nobody", "/Sessions/nobody/Message", `{"Text":"x"}`, 404, nil},
				{"pause", "/Sessions/" + id + "/Playing/Pause", "", 204, func(t *testing.T) {
					assert.Equal(t, model.StatePaused, x.State())
				}},
				{"unpause", "/Sessions/" + id + "/Playing/Unpause", "", 204, func(t *testing.T) {
					assert.Equal(t, model.StatePlaying, x.State())
				}},
				{"seek", "/Sessions/" + id + "/Playing/Seek?seekPositionTicks=" + strconv.Itoa(600_000_000), "", 204, func(t *testing.T) {
					assert.Equal(t, time.Minute, x.Position())
				}},
				{"stop", "/Sessions/" + id + "/Playing/Stop", "", 204, func(t *testing.T) {
					assert.True(t, x.Stopped())
					playing, _ := readEmby(t, c, srv)
					assert.Empty(t, playing)
				}},
				{"stop again", "/Sessions/" + id + "/Playing/Stop", "", 404, nil},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					assert.Equal(t, tt.want, post(tt.path, tt.body))
					if tt.check != nil {
						tt.check(t)
					}
				})
			}
		})
	}
}

func TestEmbyServerEndpoints(t *testing.T) {
	for _, kind := range embyKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind, Name: "Attic", MachineID: "0123456789abcdef0123456789abcdef"})
			c := httpClient(t, srv)
			srv.Play(aliceSpec(movieItem()))
			for _, path := range []string{"/System/Info/Public", "/System/Info"} {
				code, _, body := call(t, c, http.MethodGet, srv.URL()+path, embyHeader(srv))
				require.Equal(t, http.StatusOK, code)
				var info map[string]any
				require.NoError(t, json.Unmarshal(body, &info))
				assert.Equal(t, "Attic", info["ServerName"])
				assert.Equal(t, "0123456789abcdef0123456789abcdef", info["Id"])
				if kind == model.KindJellyfin {
					assert.Equal(t, "Jellyfin Server", info["ProductName"])
					assert.True(t, strings.HasPrefix(info["Version"].(string), "10.11."))
				} else {
					assert.NotContains(t, info, "ProductName")
					assert.True(t, strings.HasPrefix(info["Version"].(string), "4.8."))
				}
			}
			var users []struct {
				Name   string `json:"Name"`
				ID     string `json:"Id"`
				Policy struct {
					IsAdministrator bool `json:"IsAdministrator"`
				} `json:"Policy"`
			}
			_, _, body := call(t, c, http.MethodGet, srv.URL()+"/Users", embyHeader(srv))
			require.NoError(t, json.Unmarshal(body, &users))
			byName := map[string]bool{}
			for _, u := range users {
				byName[u.Name] = u.Policy.IsAdministrator
				assert.Regexp(t, hex32, u.ID)
			}
			assert.True(t, byName["admin"])
			assert.Contains(t, byName, "alice")

			var folders []struct {
				Name           string   `json:"Name"`
				CollectionType string   `json:"CollectionType"`
				Locations      []string `json:"Locations"`
			}
			_, _, body = call(t, c, http.MethodGet, srv.URL()+"/Library/VirtualFolders", embyHeader(srv))
			require.NoError(t, json.Unmarshal(body, &folders))
			require.Len(t, folders, 4)
			assert.Equal(t, "tvshows", folders[1].CollectionType)
		})
	}
}
