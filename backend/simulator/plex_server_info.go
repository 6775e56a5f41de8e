package simulator

import (
	"encoding/xml"
	"net/http"
	"strconv"
)

type plexIdentity struct {
	XMLName           xml.Name `xml:"MediaContainer" json:"-"`
	Size              int      `xml:"size,attr" json:"size"`
	APIVersion        string   `xml:"apiVersion,attr" json:"apiVersion"`
	Claimed           plexBool `xml:"claimed,attr" json:"claimed"`
	MachineIdentifier string   `xml:"machineIdentifier,attr" json:"machineIdentifier"`
	Version           string   `xml:"version,attr" json:"version"`
}

type plexRoot struct {
	XMLName                       xml.Name       `xml:"MediaContainer" json:"-"`
	Size                          int            `xml:"size,attr" json:"size"`
	AllowSync                     plexBool       `xml:"allowSync,attr" json:"allowSync"`
	FriendlyName                  string         `xml:"friendlyName,attr" json:"friendlyName"`
	MachineIdentifier             string         `xml:"machineIdentifier,attr" json:"machineIdentifier"`
	MyPlex                        plexBool       `xml:"myPlex,attr" json:"myPlex"`
	MyPlexSigninState             string         `xml:"myPlexSigninState,attr" json:"myPlexSigninState"`
	MyPlexSubscription            plexBool       `xml:"myPlexSubscription,attr" json:"myPlexSubscription"`
	MyPlexUsername                string         `xml:"myPlexUsername,attr" json:"myPlexUsername"`
	Platform                      string         `xml:"platform,attr" json:"platform"`
	PlatformVersion               string         `xml:"platformVersion,attr" json:"platformVersion"`
	TranscoderActiveVideoSessions int            `xml:"transcoderActiveVideoSessions,attr" json:"transcoderActiveVideoSessions"`
	TranscoderAudio               plexBool       `xml:"transcoderAudio,attr" json:"transcoderAudio"`
	TranscoderVideo               plexBool       `xml:"transcoderVideo,attr" json:"transcoderVideo"`
	TranscoderVideoResolutions    string         `xml:"transcoderVideoResolutions,attr" json:"transcoderVideoResolutions"`
	UpdatedAt                     int64          `xml:"updatedAt,attr" json:"updatedAt"`
	Version                       string         `xml:"version,attr" json:"version"`
	Directory                     []plexDirEntry `xml:"Directory" json:"Directory"`
}

type plexDirEntry struct {
	Count int    `xml:"count,attr" json:"count"`
	Key   string `xml:"key,attr" json:"key"`
	Title string `xml:"title,attr" json:"title"`
}

type plexAccounts struct {
	XMLName    xml.Name      `xml:"MediaContainer" json:"-"`
	Size       int           `xml:"size,attr" json:"size"`
	Identifier string        `xml:"identifier,attr" json:"identifier"`
	Account    []plexAccount `xml:"Account" json:"Account"`
}

type plexAccount struct {
	ID                      int64    `xml:"id,attr" json:"id"`
	Key                     string   `xml:"key,attr" json:"key"`
	Name                    string   `xml:"name,attr" json:"name"`
	DefaultAudioLanguage    string   `xml:"defaultAudioLanguage,attr" json:"defaultAudioLanguage"`
	AutoSelectAudio         plexBool `xml:"autoSelectAudio,attr" json:"autoSelectAudio"`
	DefaultSubtitleLanguage string   `xml:"defaultSubtitleLanguage,attr" json:"defaultSubtitleLanguage"`
	SubtitleMode            int      `xml:"subtitleMode,attr" json:"subtitleMode"`
	Thumb                   string   `xml:"thumb,attr" json:"thumb"`
}

type plexSections struct {
	XMLName   xml.Name      `xml:"MediaContainer" json:"-"`
	Size      int           `xml:"size,attr" json:"size"`
	AllowSync plexBool      `xml:"allowSync,attr" json:"allowSync"`
	Title1    string        `xml:"title1,attr" json:"title1"`
	Directory []plexSection `xml:"Directory" json:"Directory"`
}

type plexSection struct {
	AllowSync  plexBool          `xml:"allowSync,attr" json:"allowSync"`
	Agent      string            `xml:"agent,attr" json:"agent"`
	Key        string            `xml:"key,attr" json:"key"`
	Language   string            `xml:"language,attr" json:"language"`
	Refreshing plexBool          `xml:"refreshing,attr" json:"refreshing"`
	Scanner    string            `xml:"scanner,attr" json:"scanner"`
	Thumb      string            `xml:"thumb,attr" json:"thumb"`
	Title      string            `xml:"title,attr" json:"title"`
	Type       string            `xml:"type,attr" json:"type"`
	UpdatedAt  int64             `xml:"updatedAt,attr" json:"updatedAt"`
	UUID       string            `xml:"uuid,attr" json:"uuid"`
	Location   []plexLibLocation `xml:"Location" json:"Location"`
}

type plexLibLocation struct {
	ID   int    `xml:"id,attr" json:"id"`
	Path string `xml:"path,attr" json:"path"`
}

func (s *Server) plexIdentity(w http.ResponseWriter, r *http.Request) {
	writePlex(w, r, plexIdentity{
		APIVersion: "1.1.1", Claimed: true, MachineIdentifier: s.cfg.MachineID, Version: s.cfg.Version,
	})
}

func (s *Server) plexRoot(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	transcodes := 0
	for _, ls := range s.sessions {
		if ls.transcodeID != "" {
			transcodes++
		}
	}
	s.mu.Unlock()
	dirs := []plexDirEntry{
		{Count: 1, Key: "activities", Title: "activities"},
		{Count: 1, Key: "library", Title: "library"},
		{Count: 1, Key: "status", Title: "status"},
		{Count: 1, Key: "transcode", Title: "transcode"},
	}
	writePlex(w, r, plexRoot{
		Size: len(dirs), FriendlyName: s.cfg.Name, MachineIdentifier: s.cfg.MachineID,
		MyPlex: true, MyPlexSigninState: "ok", MyPlexSubscription: plexBool(s.cfg.PlexPass), MyPlexUsername: s.cfg.Owner,
		Platform: "Linux", PlatformVersion: "6.8.0", TranscoderActiveVideoSessions: transcodes,
		TranscoderAudio: true, TranscoderVideo: true, TranscoderVideoResolutions: "128,128,160,240,320,480,768,720,720,1080,1080,1080,1080",
		UpdatedAt: plexStamp("server", s.cfg.MachineID), Version: s.cfg.Version, Directory: dirs,
	})
}

func (s *Server) plexAccounts(w http.ResponseWriter, r *http.Request) {
	accounts := []plexAccount{plexAccountFor(0, "")}
	s.mu.Lock()
	seen := map[int64]bool{0: true}
	for _, u := range append([]User{s.resolveUser(User{Name: s.cfg.Owner})}, s.users...) {
		id, err := strconv.ParseInt(u.ID, 10, 64)
		if err != nil || seen[id] {
			continue
		}
		seen[id] = true
		accounts = append(accounts, plexAccountFor(id, u.Name))
	}
	s.mu.Unlock()
	writePlex(w, r, plexAccounts{Size: len(accounts), Identifier: "com.plexapp.system.accounts", Account: accounts})
}

func plexAccountFor(id int64, name string) plexAccount {
	a := plexAccount{
		ID: id, Key: "/accounts/" + strconv.FormatInt(id, 10), Name: name,
		DefaultAudioLanguage: "en", AutoSelectAudio: true, DefaultSubtitleLanguage: "en", SubtitleMode: 1,
	}
	if name != "" {
		a.Thumb = "https://plex.tv/users/" + hashHex("avatar", name)[:16] + "/avatar"
	}
	return a
}

func (s *Server) plexSections(w http.ResponseWriter, r *http.Request) {
	libs := libraries()
	dirs := make([]plexSection, 0, len(libs))
	for _, l := range libs {
		agent, scanner := plexAgent(l.plexType, l.collection)
		key := strconv.Itoa(l.id)
		dirs = append(dirs, plexSection{
			AllowSync: true, Agent: agent, Key: key, Language: "en-US", Scanner: scanner,
			Thumb: "/:/resources/" + l.plexType + ".png", Title: l.name, Type: l.plexType,
			UpdatedAt: plexStamp("section", key), UUID: hashHex(s.cfg.MachineID, "section", key),
			Location: []plexLibLocation{{ID: l.id, Path: l.path}},
		})
	}
	writePlex(w, r, plexSections{Size: len(dirs), AllowSync: false, Title1: "Plex Library", Directory: dirs})
}

func plexAgent(plexType, collection string) (agent, scanner string) {
	switch {
	case collection == "homevideos":
		return "tv.plex.agents.none", "Plex Video Files Scanner"
	case plexType == "movie":
		return "tv.plex.agents.movie", "Plex Movie"
	case plexType == "show":
		return "tv.plex.agents.series", "Plex TV Series"
	default:
		return "tv.plex.agents.music", "Plex Music"
	}
}
