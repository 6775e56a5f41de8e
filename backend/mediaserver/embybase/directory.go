package embybase

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

type userDTO struct {
	ID     flexString             `json:"Id"`
	Name   flexString             `json:"Name"`
	Policy lenient[userPolicyDTO] `json:"Policy"`
}

type userPolicyDTO struct {
	IsAdministrator flexBool `json:"IsAdministrator"`
}

type virtualFolderDTO struct {
	ItemID         flexString `json:"ItemId"`
	ID             flexString `json:"Id"`
	Name           flexString `json:"Name"`
	CollectionType flexString `json:"CollectionType"`
}

// Users lists the server's accounts, via GET /Users. Entries without an Id
// are left out.
func (c *Client) Users(ctx context.Context) ([]mediaserver.ServerUser, error) {
	const path = "/Users"
	var dtos []userDTO
	if err := c.getList(ctx, path, &dtos); err != nil {
		return nil, c.scrub(fmt.Errorf("listing users: %w", err))
	}
	users := make([]mediaserver.ServerUser, 0, len(dtos))
	for _, u := range dtos {
		id := cleanText(string(u.ID))
		if id == "" {
			continue
		}
		users = append(users, mediaserver.ServerUser{
			ID:      id,
			Name:    cleanText(string(u.Name)),
			IsAdmin: bool(u.Policy.V.IsAdministrator),
		})
	}
	return users, nil
}

// Libraries lists the server's libraries, via GET /Library/VirtualFolders.
// Type is the server's CollectionType ("movies", "tvshows", "music"…),
// empty for mixed libraries. Entries without an id are left out.
func (c *Client) Libraries(ctx context.Context) ([]mediaserver.Library, error) {
	const path = "/Library/VirtualFolders"
	var dtos []virtualFolderDTO
	if err := c.getList(ctx, path, &dtos); err != nil {
		return nil, c.scrub(fmt.Errorf("listing libraries: %w", err))
	}
	libs := make([]mediaserver.Library, 0, len(dtos))
	for _, f := range dtos {
		id := firstText(f.ItemID, f.ID)
		if id == "" {
			continue
		}
		libs = append(libs, mediaserver.Library{
			ID:   id,
			Name: cleanText(string(f.Name)),
			Type: strings.ToLower(cleanText(string(f.CollectionType))),
		})
	}
	return libs, nil
}

// getList GETs path and decodes a JSON array into dst; elements of the
// wrong shape make the whole answer unusable.
func (c *Client) getList(ctx context.Context, path string, dst any) error {
	body, err := c.getJSON(ctx, path, nil)
	if err != nil {
		return err
	}
	data, err := jsonArray(body)
	if err == nil {
		err = json.Unmarshal(data, dst)
	}
	if err != nil {
		return c.badAnswer(path, err)
	}
	return nil
}
