package simulator

import (
	"math/rand/v2"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// userName draws an account name in one of the styles people pick.
func userName(r *rand.Rand, first, last string) string {
	f, l := strings.ToLower(first), strings.ToLower(last)
	switch r.IntN(6) {
	case 0:
		return f + "." + l
	case 1:
		return f + l[:1]
	case 2:
		return f + "_" + itoa(1960+r.IntN(50))
	case 3:
		return first + last
	case 4:
		return l + f[:1] + itoa(r.IntN(100))
	}
	return f
}

// weightedNetworks lists public networks repeated by their weight.
func weightedNetworks() []NetworkInfo {
	var out []NetworkInfo
	for _, n := range publicNetworks() {
		for range n.weight {
			out = append(out, n)
		}
	}
	return out
}

func buildUsers(r *rand.Rand, n int, kind model.ServerKind) []genUser {
	nets, all := weightedNetworks(), publicNetworks()
	byCountry := map[string][]NetworkInfo{}
	for _, nw := range all {
		byCountry[nw.Country] = append(byCountry[nw.Country], nw)
	}
	abroad := func(country string) genAddr {
		for {
			if nw := all[r.IntN(len(all))]; nw.Country != country {
				return genAddr{ip: randomAddr(r, nw.Prefix)}
			}
		}
	}
	ownerPublic := randomAddr(r, nets[r.IntN(len(nets))].Prefix)
	first, last := firstNames(), lastNames()
	seen := map[string]bool{}
	users := make([]genUser, 0, n)
	for i := range n {
		fn := first[r.IntN(len(first))]
		name := userName(r, fn, last[r.IntN(len(last))])
		for seen[name] {
			name += itoa(r.IntN(10))
		}
		seen[name] = true
		home := nets[r.IntN(len(nets))]
		local := byCountry[home.Country]
		u := genUser{name: name, su: model.SessionUser{ID: userID(kind, "", name), Name: name}}
		switch p := r.IntN(100); {
		case p < 3:
			u.home = genAddr{ip: lanAddr(r), public: ownerPublic, local: true}
		case p < 5:
			u.home = genAddr{ip: documentationAddr(r)}
		default:
			u.home = genAddr{ip: randomAddr(r, home.Prefix)}
		}
		u.mobile = genAddr{ip: cgnatAddr(r)}
		if r.IntN(10) < 6 {
			u.mobile = genAddr{ip: randomAddr(r, local[r.IntN(len(local))].Prefix)}
		}
		for range 2 {
			u.around = append(u.around, genAddr{ip: randomAddr(r, local[r.IntN(len(local))].Prefix)})
			u.travel = append(u.travel, abroad(home.Country))
		}
		if i > 0 && r.IntN(10) == 0 {
			a := abroad(home.Country)
			u.away = &a
		}
		for _, k := range allKinds() {
			u.devices[kindIndex(k)] = userDevices(r, k, fn, u.away != nil)
		}
		users = append(users, u)
	}
	return users
}

// userDevices draws one to four distinct clients; the last one is in the
// other household when the account is shared.
func userDevices(r *rand.Rand, kind model.ServerKind, first string, shared bool) []genDevice {
	tmpls := deviceTemplates(kind)
	total := 0
	for _, t := range tmpls {
		total += t.weight
	}
	count := 1 + r.IntN(3) + r.IntN(2)
	if shared && count < 2 {
		count = 2
	}
	used := map[int]bool{}
	var out []genDevice
	for len(out) < count {
		x, idx := r.IntN(total), 0
		for x >= tmpls[idx].weight {
			x -= tmpls[idx].weight
			idx++
		}
		if used[idx] && len(used) < len(tmpls) {
			continue
		}
		used[idx] = true
		out = append(out, makeDevice(r, kind, tmpls[idx], first))
	}
	if shared {
		out[len(out)-1].away = true
	}
	return out
}

func makeDevice(r *rand.Rand, kind model.ServerKind, t deviceTemplate, first string) genDevice {
	name := t.name
	switch {
	case name == "DESKTOP":
		name = "DESKTOP-" + strings.ToUpper(randomAlnum(r, 7))
	case t.class == classMobile && r.IntN(2) == 0:
		name = first + "'s " + name
	}
	id := randomAlnum(r, 24)
	if kind != model.KindPlex {
		id = randomHexFrom(r, 32)
	}
	d := Device{
		ID: id, Name: name, Product: t.product, Version: t.version, Platform: t.platform,
		PlatformVersion: t.platformVersion, Hardware: t.hardware, Model: t.model, Vendor: t.vendor,
	}
	return genDevice{
		dev: d, class: t.class, audioOnly: t.audioOnly,
		md: model.Device{
			ID: d.ID, Name: d.Name, Product: d.Product, Version: d.Version, Platform: d.Platform,
			PlatformVersion: d.PlatformVersion,
		},
	}
}
