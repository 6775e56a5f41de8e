package service

// System describes the running instance.
type System struct {
	info SystemInfo
}

// Info returns the version, mode and where data and secrets are kept.
func (s *System) Info() (SystemInfo, error) { return s.info, nil }
