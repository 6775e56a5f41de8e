package plex

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

const accountsPath = "/accounts"

// Account ids with a meaning of their own.
const (
	systemAccountID = "0"
	ownerAccountID  = "1"
)

type xmlAccounts struct {
	XMLName  xml.Name      `xml:"MediaContainer"`
	Accounts []wireAccount `xml:"Account"`
}

type jsonAccounts struct {
	MediaContainer *jsonAccountContainer `json:"MediaContainer"`
}

type jsonAccountContainer struct {
	Accounts []wireAccount `json:"Account"`
}

type wireAccount struct {
	ID   flex `xml:"id,attr" json:"id"`
	Name flex `xml:"name,attr" json:"name"`
}

// Users lists the accounts that have used the server (GET /accounts). The
// owner is the admin; the system account is left out.
func (c *Client) Users(ctx context.Context) ([]mediaserver.ServerUser, error) {
	resp, err := c.get(ctx, accountsPath, "", c.maxBody)
	if err != nil {
		return nil, fmt.Errorf("listing plex accounts: %w", err)
	}
	if err := checkStatus(resp, accountsPath); err != nil {
		return nil, fmt.Errorf("listing plex accounts: %w", err)
	}
	users, err := ParseAccounts(resp.ContentType, resp.Body)
	if err != nil {
		return nil, fmt.Errorf("listing plex accounts: %w", unreadable(accountsPath, "an account list", err))
	}
	return users, nil
}

// ParseAccounts reads the answer to GET /accounts in XML or JSON.
func ParseAccounts(contentType string, body []byte) ([]mediaserver.ServerUser, error) {
	accounts, err := decodeAccounts(contentType, body)
	if err != nil {
		return nil, fmt.Errorf("parsing plex accounts: %w", err)
	}
	users := make([]mediaserver.ServerUser, 0, len(accounts))
	for _, a := range accounts {
		id := clean(a.ID)
		if id == "" || id == systemAccountID {
			continue
		}
		users = append(users, mediaserver.ServerUser{ID: id, Name: clean(a.Name), IsAdmin: id == ownerAccountID})
	}
	return users, nil
}

func decodeAccounts(contentType string, body []byte) ([]wireAccount, error) {
	body, err := prepareBody(contentType, body)
	if err != nil {
		return nil, err
	}
	if isJSON(contentType, body) {
		var env jsonAccounts
		if err := json.Unmarshal(body, &env); err != nil {
			return nil, fmt.Errorf("decoding json: %w", err)
		}
		if env.MediaContainer == nil {
			return nil, errors.New("no MediaContainer object")
		}
		return env.MediaContainer.Accounts, nil
	}
	var c xmlAccounts
	if err := xml.Unmarshal(body, &c); err != nil {
		return nil, fmt.Errorf("decoding xml: %w", err)
	}
	return c.Accounts, nil
}
