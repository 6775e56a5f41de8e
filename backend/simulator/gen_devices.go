package simulator

import "github.com/streamwarden/streamwarden/backend/model"

// deviceClass says where a device is used.
type deviceClass int

const (
	classTV deviceClass = iota
	classMobile
	classDesktop
	classWeb
)

// deviceTemplate is an app on a kind of hardware, with how common it is.
type deviceTemplate struct {
	product, version, platform, platformVersion string
	name, hardware, model, vendor               string
	class                                       deviceClass
	audioOnly                                   bool
	weight                                      int
}

// deviceTemplates lists the clients of each server kind.
func deviceTemplates(kind model.ServerKind) []deviceTemplate {
	switch kind {
	case model.KindJellyfin:
		return jellyfinDevices()
	case model.KindEmby:
		return embyDevices()
	}
	return plexDevices()
}

func plexDevices() []deviceTemplate {
	return []deviceTemplate{
		{"Plex for Android (TV)", "10.18.0.1393", "Android", "11", "SHIELD Android TV", "SHIELD Android TV", "mdarcy", "NVIDIA", classTV, false, 12},
		{"Plex for Android (TV)", "10.18.0.1393", "Android", "9", "Fire TV Stick 4K", "Fire TV Stick 4K", "AFTMM", "Amazon", classTV, false, 7},
		{"Plex for Android", "10.18.0.1393", "Android", "14", "Pixel 8", "Pixel 8", "shiba", "Google", classMobile, false, 7},
		{"Plex for iOS", "2024.20.0", "iOS", "17.5.1", "iPhone", "iPhone", "iPhone15,2", "Apple", classMobile, false, 11},
		{"Plex for iOS", "2024.20.0", "iPadOS", "17.4", "iPad", "iPad", "iPad13,4", "Apple", classMobile, false, 4},
		{"Plex for Apple TV", "8.37", "tvOS", "17.5", "Apple TV", "Apple TV", "AppleTV14,1", "Apple", classTV, false, 8},
		{"Plex for Roku", "8.1.4.4235", "Roku", "12.5.0", "Roku Ultra", "Roku Ultra", "4800X", "Roku", classTV, false, 9},
		{"Plex for Samsung", "2.019.2", "Tizen", "6.5", "Samsung TV", "Samsung TV", "QN65Q80B", "Samsung", classTV, false, 6},
		{"Plex for LG", "5.2.0", "webOS", "6.0", "LG OLED", "LG TV", "OLED55C1", "LG", classTV, false, 5},
		{"Plex for Xbox", "2.25.0", "Xbox", "10.0.25398", "Xbox Series X", "Xbox Series X", "", "Microsoft", classTV, false, 2},
		{"Plex Web", "4.136.1", "Chrome", "126.0", "Chrome", "Windows", "", "", classWeb, false, 9},
		{"Plex Web", "4.136.1", "Firefox", "127.0", "Firefox", "Linux", "", "", classWeb, false, 3},
		{"Plex Web", "4.136.1", "Safari", "17.5", "Safari", "OSX", "", "", classWeb, false, 2},
		{"Plex for Windows", "1.96.0.4893", "Windows", "10.0.22631", "DESKTOP", "Windows", "standalone", "", classDesktop, false, 6},
		{"Plex for Mac", "1.96.0.4893", "macOS", "14.5", "MacBook Pro", "OSX", "standalone", "Apple", classDesktop, false, 3},
		{"Plex HTPC", "1.63.2.210", "Linux", "6.8", "htpc", "PC", "standalone", "", classTV, false, 2},
		{"Plexamp", "4.10.1", "iOS", "17.5.1", "iPhone", "iPhone", "iPhone15,2", "Apple", classMobile, true, 4},
		{"Plexamp", "4.10.1", "Android", "14", "Galaxy S23", "Galaxy S23", "SM-S911B", "Samsung", classMobile, true, 3},
	}
}

func jellyfinDevices() []deviceTemplate {
	return []deviceTemplate{
		{"Jellyfin Web", "10.11.2", "Chrome", "126.0", "Chrome", "", "", "", classWeb, false, 12},
		{"Jellyfin Web", "10.11.2", "Firefox", "127.0", "Firefox", "", "", "", classWeb, false, 5},
		{"Jellyfin Web", "10.11.2", "Edge", "126.0", "Edge Chromium", "", "", "", classWeb, false, 3},
		{"Jellyfin Android", "2.6.2", "Android", "14", "Pixel 7", "", "", "", classMobile, false, 8},
		{"Jellyfin Android TV", "0.18.3", "Android", "11", "SHIELD Android TV", "", "", "", classTV, false, 8},
		{"Jellyfin Android TV", "0.18.3", "Android", "12", "Chromecast HD", "", "", "", classTV, false, 4},
		{"Jellyfin Media Player", "1.11.1", "Windows", "10.0.22631", "DESKTOP", "", "", "", classDesktop, false, 5},
		{"Swiftfin iOS", "1.3.0", "iOS", "17.5.1", "iPhone", "", "", "", classMobile, false, 6},
		{"Infuse-Direct", "8.0.6", "tvOS", "17.5", "Apple TV", "", "", "", classTV, false, 6},
		{"Findroid", "0.15.2", "Android", "14", "Galaxy S23", "", "", "", classMobile, false, 3},
		{"Kodi", "21.0", "Linux", "6.6", "LibreELEC", "", "", "", classTV, false, 3},
		{"Jellyfin Roku", "2.1.6", "Roku", "12.5.0", "Roku Express", "", "", "", classTV, false, 5},
		{"Finamp", "0.9.10", "iOS", "17.5.1", "iPhone", "", "", "", classMobile, true, 3},
	}
}

func embyDevices() []deviceTemplate {
	return []deviceTemplate{
		{"Emby Web", "4.8.10.0", "Chrome", "126.0", "Chrome", "", "", "", classWeb, false, 10},
		{"Emby Web", "4.8.10.0", "Firefox", "127.0", "Firefox", "", "", "", classWeb, false, 3},
		{"Emby for Android", "3.4.24", "Android", "14", "Galaxy S22", "", "", "", classMobile, false, 8},
		{"Emby for Android", "3.4.24", "Android", "11", "SHIELD Android TV", "", "", "", classTV, false, 6},
		{"Emby for iOS", "2.2.16", "iOS", "17.5.1", "iPhone", "", "", "", classMobile, false, 7},
		{"Emby for Apple TV", "2.2.16", "tvOS", "17.5", "Apple TV", "", "", "", classTV, false, 5},
		{"Emby Theater", "3.0.20", "Windows", "10.0.22631", "DESKTOP", "", "", "", classDesktop, false, 5},
		{"Emby for Samsung", "2.2.3", "Tizen", "6.5", "Samsung Smart TV", "", "", "", classTV, false, 5},
		{"Emby for Roku", "4.1.6", "Roku", "12.5.0", "Roku Ultra", "", "", "", classTV, false, 5},
		{"Emby for LG", "1.0.56", "webOS", "6.0", "LG webOS TV", "", "", "", classTV, false, 3},
		{"Infuse", "8.0.6", "tvOS", "17.5", "Apple TV", "", "", "", classTV, false, 4},
	}
}
