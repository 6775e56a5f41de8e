package simulator

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// flag reads a Plex boolean: "1"/"0" in XML, and only a JSON boolean in
// JSON (a string or number fails the test's decoding).
type flag bool

func (f *flag) UnmarshalXMLAttr(a xml.Attr) error {
	*f = a.Value == "1"
	return nil
}

func (f *flag) UnmarshalJSON(b []byte) error {
	var v bool
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("plex flag %s is not a JSON boolean: %w", b, err)
	}
	*f = flag(v)
	return nil
}

type tStream struct {
	StreamType int    `xml:"streamType,attr" json:"streamType"`
	Decision   string `xml:"decision,attr" json:"decision"`
}

// tPlexItem is a session as a plain client reads it. Ids are strings: a
// JSON number there fails decoding.
type tPlexItem struct {
	XMLName          xml.Name `json:"-"`
	SessionKey       string   `xml:"sessionKey,attr" json:"sessionKey"`
	RatingKey        string   `xml:"ratingKey,attr" json:"ratingKey"`
	Type             string   `xml:"type,attr" json:"type"`
	Title            string   `xml:"title,attr" json:"title"`
	GrandparentTitle string   `xml:"grandparentTitle,attr" json:"grandparentTitle"`
	LibraryID        string   `xml:"librarySectionID,attr" json:"librarySectionID"`
	Library          string   `xml:"librarySectionTitle,attr" json:"librarySectionTitle"`
	ParentIndex      int      `xml:"parentIndex,attr" json:"parentIndex"`
	Index            int      `xml:"index,attr" json:"index"`
	ViewOffset       int64    `xml:"viewOffset,attr" json:"viewOffset"`
	Duration         int64    `xml:"duration,attr" json:"duration"`
	Media            []struct {
		Selected flag `xml:"selected,attr" json:"selected"`
		Part     []struct {
			Decision string    `xml:"decision,attr" json:"decision"`
			Stream   []tStream `xml:"Stream" json:"Stream"`
		} `xml:"Part" json:"Part"`
	} `xml:"Media" json:"Media"`
	User struct {
		ID    string `xml:"id,attr" json:"id"`
		Title string `xml:"title,attr" json:"title"`
	} `xml:"User" json:"User"`
	Player struct {
		Address  string `xml:"address,attr" json:"address"`
		Public   string `xml:"remotePublicAddress,attr" json:"remotePublicAddress"`
		Local    flag   `xml:"local,attr" json:"local"`
		Relayed  flag   `xml:"relayed,attr" json:"relayed"`
		Machine  string `xml:"machineIdentifier,attr" json:"machineIdentifier"`
		Product  string `xml:"product,attr" json:"product"`
		Platform string `xml:"platform,attr" json:"platform"`
		State    string `xml:"state,attr" json:"state"`
	} `xml:"Player" json:"Player"`
	Session struct {
		ID        string `xml:"id,attr" json:"id"`
		Bandwidth int    `xml:"bandwidth,attr" json:"bandwidth"`
		Location  string `xml:"location,attr" json:"location"`
	} `xml:"Session" json:"Session"`
	TranscodeSession *struct {
		Key           string `xml:"key,attr" json:"key"`
		VideoDecision string `xml:"videoDecision,attr" json:"videoDecision"`
		AudioDecision string `xml:"audioDecision,attr" json:"audioDecision"`
		HWDecode      string `xml:"transcodeHwDecoding,attr" json:"transcodeHwDecoding"`
		HWEncode      string `xml:"transcodeHwEncoding,attr" json:"transcodeHwEncoding"`
	} `xml:"TranscodeSession" json:"TranscodeSession"`
}

// plexView flattens a session for comparisons.
type plexView struct {
	SessionKey, RatingKey, Type, Title, Show, LibraryID, Library string
	Season, Episode                                              int
	OffsetMs, DurationMs                                         int64
	UserID, UserName                                             string
	Address, Public, Machine, Product, Platform, State           string
	Local, Relayed                                               bool
	ControlID, Location                                          string
	Bandwidth                                                    int
	PartDecision, VideoDecision, AudioDecision                   string
	TranscodeKey, TcVideo, TcAudio, HWDecode, HWEncode           string
}

func (it tPlexItem) view(t *testing.T) plexView {
	t.Helper()
	require.Len(t, it.Media, 1)
	require.True(t, bool(it.Media[0].Selected))
	require.Len(t, it.Media[0].Part, 1)
	part := it.Media[0].Part[0]
	v := plexView{
		SessionKey: it.SessionKey, RatingKey: it.RatingKey, Type: it.Type, Title: it.Title,
		Show: it.GrandparentTitle, LibraryID: it.LibraryID, Library: it.Library, Season: it.ParentIndex, Episode: it.Index,
		OffsetMs: it.ViewOffset, DurationMs: it.Duration, UserID: it.User.ID, UserName: it.User.Title,
		Address: it.Player.Address, Public: it.Player.Public, Machine: it.Player.Machine, Product: it.Player.Product,
		Platform: it.Player.Platform, State: it.Player.State, Local: bool(it.Player.Local), Relayed: bool(it.Player.Relayed),
		ControlID: it.Session.ID, Location: it.Session.Location, Bandwidth: it.Session.Bandwidth, PartDecision: part.Decision,
	}
	for _, s := range part.Stream {
		switch s.StreamType {
		case 1:
			v.VideoDecision = s.Decision
		case 2:
			v.AudioDecision = s.Decision
		}
	}
	if ts := it.TranscodeSession; ts != nil {
		v.TranscodeKey, v.TcVideo, v.TcAudio, v.HWDecode, v.HWEncode = ts.Key, ts.VideoDecision, ts.AudioDecision, ts.HWDecode, ts.HWEncode
	}
	return v
}

func plexHeader(srv *Server, asJSON bool) http.Header {
	h := http.Header{"X-Plex-Token": {srv.Token()}}
	if asJSON {
		h.Set("Accept", "application/json")
	}
	return h
}

// readPlexXML reads /status/sessions as XML; it also returns the element
// names (Video, Track).
func readPlexXML(t *testing.T, c *http.Client, srv *Server) ([]plexView, []string) {
	t.Helper()
	code, hdr, body := call(t, c, http.MethodGet, srv.URL()+"/status/sessions", plexHeader(srv, false))
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, hdr.Get("Content-Type"), "text/xml")
	var mc struct {
		Size  int         `xml:"size,attr"`
		Items []tPlexItem `xml:",any"`
	}
	require.NoError(t, xml.Unmarshal(body, &mc))
	require.Len(t, mc.Items, mc.Size)
	var views []plexView
	var names []string
	for _, it := range mc.Items {
		views = append(views, it.view(t))
		names = append(names, it.XMLName.Local)
	}
	return views, names
}

// readPlexJSON reads /status/sessions as JSON.
func readPlexJSON(t *testing.T, c *http.Client, srv *Server) []plexView {
	t.Helper()
	code, hdr, body := call(t, c, http.MethodGet, srv.URL()+"/status/sessions", plexHeader(srv, true))
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, hdr.Get("Content-Type"), "application/json")
	var mc struct {
		MediaContainer struct {
			Size     int         `json:"size"`
			Metadata []tPlexItem `json:"Metadata"`
		} `json:"MediaContainer"`
	}
	require.NoError(t, json.Unmarshal(body, &mc))
	require.Len(t, mc.MediaContainer.Metadata, mc.MediaContainer.Size)
	var views []plexView
	for _, it := range mc.MediaContainer.Metadata {
		views = append(views, it.view(t))
	}
	return views
}

// readPlex reads both formats, requires them to agree and returns them.
func readPlex(t *testing.T, c *http.Client, srv *Server) []plexView {
	t.Helper()
	fromXML, _ := readPlexXML(t, c, srv)
	require.Equal(t, fromXML, readPlexJSON(t, c, srv), "XML and JSON disagree")
	return fromXML
}
