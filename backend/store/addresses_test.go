package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestRelocatingAnAddressMovesAllItsPlays(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var plays []*model.Play
	for i := range 6 {
		p := fullPlay()
		p.Location = model.Location{}
		p.IP = []string{"198.51.100.1", "198.51.100.2"}[i%2]
		p.User.ID = []string{"u1", "u1", "u2"}[i%3]
		p.StartedAt = p.StartedAt.Add(time.Duration(i) * time.Hour)
		plays = append(plays, &p)
	}
	require.NoError(t, s.SavePlays(ctx, plays))
	n, err := s.AddressCount(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 2, n)

	var all []Address
	for after := int64(0); ; {
		batch, err := s.Addresses(ctx, after, 1)
		require.NoError(t, err)
		if len(batch) == 0 {
			break
		}
		all = append(all, batch...)
		after = batch[len(batch)-1].ID
	}
	require.Len(t, all, 2)
	assert.True(t, all[0].LocatedAt.IsZero())
	paris := model.Location{Source: model.LocationDatabase, CountryCode: "FR", CountryName: "France", City: "Paris",
		HasCoordinates: true, Latitude: 48.85, Longitude: 2.35, ASN: 3215, ISP: "Orange"}
	all[0].Location = paris
	all[1].Location = model.Location{Source: model.LocationUnknown}
	require.NoError(t, s.SetLocations(ctx, all))

	got, err := s.Play(ctx, plays[2].ID)
	require.NoError(t, err)
	assert.Equal(t, paris, got.Location)

	rows, err := s.PlaysByAddressAndUser(ctx, PlayFilter{UserID: "u1"})
	require.NoError(t, err)
	var total int64
	for _, r := range rows {
		total += r.Plays
		assert.Equal(t, "u1", r.UserID)
		if r.AddressID == all[0].ID {
			assert.Equal(t, paris, r.Location)
		}
	}
	assert.EqualValues(t, 4, total)
	rows, err = s.PlaysByAddressAndUser(ctx, PlayFilter{From: plays[4].StartedAt})
	require.NoError(t, err)
	total = 0
	for _, r := range rows {
		total += r.Plays
	}
	assert.EqualValues(t, 2, total, "the period bounds the plays")
}

func TestNetworksCRUD(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	n, err := s.SaveNetwork(ctx, model.Network{CIDR: "192.168.1.0/24", Label: "Home", Local: true})
	require.NoError(t, err)
	require.NotZero(t, n.ID)
	_, err = s.SaveNetwork(ctx, model.Network{CIDR: "192.168.1.0/24"})
	assert.ErrorIs(t, err, ErrConflict)
	n.Label, n.HasLocation, n.City, n.Latitude, n.Longitude = "Mum's house", true, "Leeds", 53.8, -1.55
	_, err = s.SaveNetwork(ctx, n)
	require.NoError(t, err)
	list, err := s.Networks(ctx)
	require.NoError(t, err)
	assert.Equal(t, []model.Network{n}, list)
	require.NoError(t, s.DeleteNetwork(ctx, n.ID))
	assert.ErrorIs(t, s.DeleteNetwork(ctx, n.ID), ErrNotFound)
}
