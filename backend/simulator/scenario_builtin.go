package simulator

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Names of the built-in scenarios.
const (
	ScenarioPauseResume        = "pause-and-resume"
	ScenarioAutoplayNext       = "autoplay-next-episode"
	ScenarioQualitySameSession = "quality-change-same-session"
	ScenarioQualityNewSession  = "quality-change-new-session"
	ScenarioTwoCountries       = "two-users-two-countries"
	ScenarioSharedAccount      = "one-account-two-countries"
)

// ScenarioNames lists the built-in scenarios.
func ScenarioNames() []string {
	return []string{
		ScenarioPauseResume, ScenarioAutoplayNext, ScenarioQualitySameSession,
		ScenarioQualityNewSession, ScenarioTwoCountries, ScenarioSharedAccount,
	}
}

// BuiltinScenario returns a named scenario with clients of kind.
func BuiltinScenario(name string, kind model.ServerKind) (Scenario, bool) {
	alice := scenarioSpec(kind, "alice", 0, "81.2.69.142", scenarioMovie())
	phone := scenarioSpec(kind, "alice", 3, "216.160.83.58", scenarioEpisode(2, 5))
	bob := scenarioSpec(kind, "bob", 1, "89.160.20.115", scenarioEpisode(1, 1))
	transcode := Delivery{Decision: model.StreamDecision{
		Video: model.DecisionTranscode, Audio: model.DecisionTranscode, HardwareDecode: true, HardwareEncode: true,
		TranscodeReasons: []string{"ContainerBitrateExceedsLimit"},
	}}
	direct := Delivery{Decision: model.StreamDecision{Overall: model.DecisionDirectPlay}}
	play := func(at time.Duration, name string, spec SessionSpec) Step {
		return Step{At: at, Session: name, Action: ActionPlay, Spec: spec}
	}
	act := func(at time.Duration, name string, a Action) Step { return Step{At: at, Session: name, Action: a} }
	var steps []Step
	switch name {
	case ScenarioPauseResume:
		alice.Position = 10 * time.Minute
		steps = []Step{play(0, "a", alice), act(5*time.Minute, "a", ActionPause), act(8*time.Minute, "a", ActionResume),
			act(20*time.Minute, "a", ActionPause), act(21*time.Minute, "a", ActionResume), act(30*time.Minute, "a", ActionStop)}
	case ScenarioAutoplayNext:
		ep := scenarioSpec(kind, "alice", 0, "81.2.69.142", scenarioEpisode(1, 1))
		ep.Position = 40 * time.Minute
		steps = []Step{play(0, "a", ep),
			{At: 5 * time.Minute, Session: "a", Action: ActionAutoplay, Next: scenarioEpisode(1, 2)},
			{At: 49 * time.Minute, Session: "a", Action: ActionAutoplay, Next: scenarioEpisode(1, 3)},
			act(60*time.Minute, "a", ActionStop)}
	case ScenarioQualitySameSession:
		steps = []Step{play(0, "a", alice),
			{At: 10 * time.Minute, Session: "a", Action: ActionChangeQuality, Delivery: transcode, Mode: SameSession},
			{At: 20 * time.Minute, Session: "a", Action: ActionChangeQuality, Delivery: direct, Mode: SameSession},
			act(30*time.Minute, "a", ActionStop)}
	case ScenarioQualityNewSession:
		steps = []Step{play(0, "a", alice),
			{At: 10 * time.Minute, Session: "a", Action: ActionChangeQuality, Delivery: transcode, Mode: NewSession},
			act(25*time.Minute, "a", ActionStop)}
	case ScenarioTwoCountries:
		steps = []Step{play(0, "alice", alice), play(time.Minute, "bob", bob),
			act(30*time.Minute, "alice", ActionStop), act(45*time.Minute, "bob", ActionStop)}
	case ScenarioSharedAccount:
		steps = []Step{play(0, "home", alice), play(2*time.Minute, "abroad", phone),
			act(40*time.Minute, "home", ActionStop), act(40*time.Minute, "abroad", ActionStop)}
	default:
		return Scenario{}, false
	}
	return Scenario{Name: name, Steps: steps}, true
}

func scenarioSpec(kind model.ServerKind, user string, device int, ip string, item MediaItem) SessionSpec {
	tmpls := deviceTemplates(kind)
	t := tmpls[device%len(tmpls)]
	return SessionSpec{
		User: User{Name: user},
		Device: Device{
			ID: hashHex("scenario", user, itoa(device))[:24], Name: t.name, Product: t.product, Version: t.version,
			Platform: t.platform, PlatformVersion: t.platformVersion, Hardware: t.hardware, Model: t.model, Vendor: t.vendor,
		},
		Network: Network{IP: ip, Secure: true},
		Item:    item,
	}
}

func scenarioMovie() MediaItem {
	return MediaItem{
		Type: model.MediaMovie, Title: "The Silent Harbor", Year: 2019, Duration: 118 * time.Minute,
		ExternalIDs: map[string]string{"imdb": "tt7654321", "tmdb": "424242"},
		Source: model.Quality{Resolution: "1080", BitrateKbps: 12000, Container: "mkv", VideoCodec: "h264",
			AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "SDR"},
	}
}

func scenarioEpisode(season, episode int) MediaItem {
	return MediaItem{
		Type: model.MediaEpisode, Title: "Chapter " + itoa(episode), ParentTitle: "Season " + itoa(season),
		GrandparentTitle: "Lanterns of Avalon", ParentIndex: season, Index: episode, Year: 2020 + season,
		Duration:    44 * time.Minute,
		ExternalIDs: map[string]string{"tvdb": itoa(8100000 + season*100 + episode)},
		Source: model.Quality{Resolution: "1080", BitrateKbps: 6000, Container: "mkv", VideoCodec: "hevc",
			AudioCodec: "aac", AudioChannels: 6, DynamicRange: "SDR"},
	}
}
