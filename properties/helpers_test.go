package properties_test

import (
	"errors"

	"github.com/alibabacloud-go/tea/tea"
)

func asSDKError(err error, se **tea.SDKError) bool {
	return errors.As(err, se)
}
