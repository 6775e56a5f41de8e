package simulator

import (
	"net"
	"net/http"
	"strconv"

	"github.com/streamwarden/streamwarden/backend/model"
)

// embySystemInfo is /System/Info and /System/Info/Public. Emby sends no
// ProductName.
type embySystemInfo struct {
	LocalAddress               string   `json:"LocalAddress"`
	LocalAddresses             []string `json:"LocalAddresses,omitempty"`
	ServerName                 string   `json:"ServerName"`
	Version                    string   `json:"Version"`
	ProductName                string   `json:"ProductName,omitempty"`
	OperatingSystem            string   `json:"OperatingSystem,omitempty"`
	ID                         string   `json:"Id"`
	StartupWizardCompleted     *bool    `json:"StartupWizardCompleted,omitempty"`
	OperatingSystemDisplayName string   `json:"OperatingSystemDisplayName,omitempty"`
	HasPendingRestart          *bool    `json:"HasPendingRestart,omitempty"`
	IsShuttingDown             *bool    `json:"IsShuttingDown,omitempty"`
	SupportsLibraryMonitor     *bool    `json:"SupportsLibraryMonitor,omitempty"`
	WebSocketPortNumber        int      `json:"WebSocketPortNumber,omitempty"`
	CanSelfRestart             *bool    `json:"CanSelfRestart,omitempty"`
	HasUpdateAvailable         *bool    `json:"HasUpdateAvailable,omitempty"`
	SystemArchitecture         string   `json:"SystemArchitecture,omitempty"`
}

func (s *Server) systemInfo(r *http.Request, full bool) embySystemInfo {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	info := embySystemInfo{LocalAddress: scheme + "://" + r.Host, ServerName: s.cfg.Name, Version: s.cfg.Version, ID: s.cfg.MachineID}
	yes, no := true, false
	if s.cfg.Kind == model.KindJellyfin {
		info.ProductName = "Jellyfin Server"
		info.StartupWizardCompleted = &yes
	} else {
		info.LocalAddresses = []string{info.LocalAddress}
	}
	if !full {
		return info
	}
	_, port, _ := net.SplitHostPort(r.Host)
	info.WebSocketPortNumber, _ = strconv.Atoi(port)
	info.OperatingSystem, info.OperatingSystemDisplayName, info.SystemArchitecture = "Linux", "Linux", "X64"
	info.HasPendingRestart, info.IsShuttingDown, info.HasUpdateAvailable = &no, &no, &no
	info.SupportsLibraryMonitor, info.CanSelfRestart = &yes, &yes
	return info
}

func (s *Server) embyPublicInfo(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.systemInfo(r, false))
}

func (s *Server) embyInfo(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.systemInfo(r, true))
}

type embyUser struct {
	Name                  string         `json:"Name"`
	ServerID              string         `json:"ServerId"`
	ID                    string         `json:"Id"`
	HasPassword           bool           `json:"HasPassword"`
	HasConfiguredPassword bool           `json:"HasConfiguredPassword"`
	EnableAutoLogin       bool           `json:"EnableAutoLogin"`
	LastLoginDate         string         `json:"LastLoginDate"`
	LastActivityDate      string         `json:"LastActivityDate"`
	Policy                embyUserPolicy `json:"Policy"`
}

type embyUserPolicy struct {
	IsAdministrator       bool `json:"IsAdministrator"`
	IsHidden              bool `json:"IsHidden"`
	IsDisabled            bool `json:"IsDisabled"`
	EnableRemoteAccess    bool `json:"EnableRemoteAccess"`
	EnableMediaPlayback   bool `json:"EnableMediaPlayback"`
	EnableContentDeletion bool `json:"EnableContentDeletion"`
}

func (s *Server) embyUsers(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	now := jfTime(s.cfg.Now())
	users := append([]User{s.resolveUser(User{Name: s.cfg.Owner})}, s.users...)
	s.mu.Unlock()
	seen := map[string]bool{}
	out := make([]embyUser, 0, len(users))
	for _, u := range users {
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		admin := u.Name == s.cfg.Owner
		out = append(out, embyUser{
			Name: u.Name, ServerID: s.cfg.MachineID, ID: u.ID, HasPassword: true, HasConfiguredPassword: true,
			LastLoginDate: now, LastActivityDate: now,
			Policy: embyUserPolicy{
				IsAdministrator: admin, EnableRemoteAccess: true, EnableMediaPlayback: true, EnableContentDeletion: admin,
			},
		})
	}
	writeJSON(w, http.StatusOK, out)
}

type embyVirtualFolder struct {
	Name           string   `json:"Name"`
	Locations      []string `json:"Locations"`
	CollectionType string   `json:"CollectionType"`
	ItemID         string   `json:"ItemId"`
	RefreshStatus  string   `json:"RefreshStatus"`
}

func (s *Server) embyVirtualFolders(w http.ResponseWriter, _ *http.Request) {
	libs := libraries()
	out := make([]embyVirtualFolder, 0, len(libs))
	for _, l := range libs {
		out = append(out, embyVirtualFolder{
			Name: l.name, Locations: []string{l.path}, CollectionType: l.collection,
			ItemID: s.embyID("library", l.name), RefreshStatus: "Idle",
		})
	}
	writeJSON(w, http.StatusOK, out)
}
